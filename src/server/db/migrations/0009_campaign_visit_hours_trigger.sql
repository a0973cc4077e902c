-- Feeds campaign_visit_hours (see campaigns.table.ts): once per INSERT statement, however many visits it
-- wrote (a batch of quick visits is one statement), its new rows counted by campaign, hour and outcome.
CREATE FUNCTION campaign_visits_count_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO campaign_visit_hours (campaign_id, hour, outcome, visits)
  SELECT campaign_id, date_trunc('hour', visited_at, 'UTC'), outcome, count(*)::int
  FROM new_visits GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER campaign_visits_count_hours AFTER INSERT ON campaign_visits
  REFERENCING NEW TABLE AS new_visits FOR EACH STATEMENT EXECUTE FUNCTION campaign_visits_count_hours();
--> statement-breakpoint
-- Visits recorded before this migration.
INSERT INTO campaign_visit_hours (campaign_id, hour, outcome, visits)
SELECT campaign_id, date_trunc('hour', visited_at, 'UTC'), outcome, count(*)::int
FROM campaign_visits GROUP BY 1, 2, 3;
