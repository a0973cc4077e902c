-- Rule sets and risk areas decide every declaration's status; each instance keeps the basis of its
-- communities in memory (declarations/evaluation-basis.ts). A change of either now sends a notice when its
-- transaction commits, so every instance judges by the new rules at once instead of after its cache ran out.
CREATE OR REPLACE FUNCTION dashu_notify_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dashu_changes', json_build_object('k', 'rules')::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER status_rule_sets_notify AFTER INSERT OR UPDATE OR DELETE ON status_rule_sets
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_rules();
--> statement-breakpoint
CREATE TRIGGER risk_areas_notify AFTER INSERT OR UPDATE OR DELETE ON risk_areas
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_rules();
