-- Rule sets and risk areas made before they belonged to a place applied to the whole installation. They
-- now belong to the root place (the top of the tree, e.g. 北京市), so every community is judged exactly as
-- before. With several roots (several trees side by side) each root must keep them: the rows, history
-- included, go to the first root, and the others get a copy of what is in force (the newest rule set and
-- the current risk areas).
UPDATE status_rule_sets SET place_id = (SELECT min(id) FROM places WHERE parent_id IS NULL)
WHERE place_id IS NULL;
--> statement-breakpoint
INSERT INTO status_rule_sets (place_id, rules, created_by, created_at)
SELECT root.id, latest.rules, latest.created_by, latest.created_at
FROM places root
CROSS JOIN (
  SELECT rules, created_by, created_at FROM status_rule_sets
  WHERE place_id = (SELECT min(id) FROM places WHERE parent_id IS NULL)
  ORDER BY id DESC LIMIT 1
) latest
WHERE root.parent_id IS NULL AND root.id > (SELECT min(id) FROM places WHERE parent_id IS NULL);
--> statement-breakpoint
UPDATE risk_areas SET place_id = (SELECT min(id) FROM places WHERE parent_id IS NULL)
WHERE place_id IS NULL;
--> statement-breakpoint
INSERT INTO risk_areas (place_id, region_code, region_name, level, valid_from, valid_to, note, created_by, created_at)
SELECT root.id, a.region_code, a.region_name, a.level, a.valid_from, a.valid_to, a.note, a.created_by, a.created_at
FROM places root
CROSS JOIN risk_areas a
WHERE root.parent_id IS NULL AND root.id > (SELECT min(id) FROM places WHERE parent_id IS NULL)
  AND a.retired_at IS NULL AND a.place_id = (SELECT min(id) FROM places WHERE parent_id IS NULL);
--> statement-breakpoint
-- Without any place (a fresh install: no places yet) there is no community to judge and no row can have
-- been made through the console, which needs an account with a place; anything left applies to nobody.
DELETE FROM status_rule_sets WHERE place_id IS NULL;
--> statement-breakpoint
DELETE FROM risk_areas WHERE place_id IS NULL;
--> statement-breakpoint
ALTER TABLE status_rule_sets ALTER COLUMN place_id SET NOT NULL;
--> statement-breakpoint
ALTER TABLE risk_areas ALTER COLUMN place_id SET NOT NULL;
