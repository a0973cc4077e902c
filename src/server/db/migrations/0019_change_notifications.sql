-- Change notifications (src/server/db/change-bus.ts): every writer of what instances cache (passes, who
-- stays in, accounts, sessions, places, gates, posters, form versions) sends a notice on the channel
-- 'dashu_changes' when its transaction commits, so every instance drops or reloads the cached copy
-- within milliseconds. Statement-level triggers with transition tables for the tables written in bulk
-- (one notice per community per statement, and PostgreSQL folds identical notices of one transaction).
CREATE OR REPLACE FUNCTION dashu_notify_passes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT community_id AS c, count(*) AS cnt, array_agg(DISTINCT number ORDER BY number) AS n
    FROM (SELECT community_id, number FROM changed_rows) x GROUP BY community_id
  LOOP
    IF r.cnt <= 100 THEN
      PERFORM pg_notify('dashu_changes', json_build_object('k', 'passes', 'c', r.c, 'n', r.n)::text);
    ELSE
      PERFORM pg_notify('dashu_changes', json_build_object('k', 'passes', 'c', r.c)::text);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashu_notify_status() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c integer;
BEGIN
  FOR c IN SELECT DISTINCT community_id FROM changed_rows LOOP
    PERFORM pg_notify('dashu_changes', json_build_object('k', 'status', 'c', c)::text);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER passes_notify_insert AFTER INSERT ON passes REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_passes();
--> statement-breakpoint
CREATE TRIGGER passes_notify_update AFTER UPDATE ON passes REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_passes();
--> statement-breakpoint
CREATE TRIGGER passes_notify_delete AFTER DELETE ON passes REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_passes();
--> statement-breakpoint
CREATE TRIGGER person_status_notify_insert AFTER INSERT ON person_status REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_status();
--> statement-breakpoint
CREATE TRIGGER person_status_notify_update AFTER UPDATE ON person_status REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_status();
--> statement-breakpoint
CREATE TRIGGER person_status_notify_delete AFTER DELETE ON person_status REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_status();
--> statement-breakpoint
-- A household pass stops someone when anyone living in the household stays in: a move out or to another
-- household changes that too.
CREATE TRIGGER residents_notify_update AFTER UPDATE ON residents REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_status();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashu_notify_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'accounts' THEN
    PERFORM pg_notify('dashu_changes', json_build_object('k', 'account', 'a', NEW.id)::text);
  ELSIF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('dashu_changes', json_build_object('k', 'session', 'h', OLD.token_hash)::text);
  ELSIF TG_TABLE_NAME = 'gates' THEN
    PERFORM pg_notify('dashu_changes', json_build_object('k', 'gate', 'g', OLD.id)::text);
  ELSIF TG_TABLE_NAME = 'posters' THEN
    PERFORM pg_notify('dashu_changes', json_build_object('k', 'poster', 't', OLD.token)::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Disabled, new password, new role or scope: the account's cached sessions are dropped everywhere.
CREATE TRIGGER accounts_notify AFTER UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION dashu_notify_row();
--> statement-breakpoint
-- A session ended early (sign-out, password change); expired ones being cleared out are no news.
CREATE TRIGGER sessions_notify AFTER DELETE ON sessions
  FOR EACH ROW WHEN (OLD.expires_at > now()) EXECUTE FUNCTION dashu_notify_row();
--> statement-breakpoint
CREATE TRIGGER gates_notify AFTER UPDATE OR DELETE ON gates
  FOR EACH ROW EXECUTE FUNCTION dashu_notify_row();
--> statement-breakpoint
CREATE TRIGGER posters_notify AFTER UPDATE OR DELETE ON posters
  FOR EACH ROW EXECUTE FUNCTION dashu_notify_row();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashu_notify_table() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dashu_changes', json_build_object('k', TG_ARGV[0])::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Places change scopes (a community moved or added under a district) and the buildings a poster offers.
CREATE TRIGGER places_notify AFTER INSERT OR UPDATE OR DELETE ON places
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_table('places');
--> statement-breakpoint
CREATE TRIGGER form_versions_notify AFTER INSERT OR UPDATE OR DELETE ON form_versions
  FOR EACH STATEMENT EXECUTE FUNCTION dashu_notify_table('form_versions');
