-- Custom SQL migration file, put your code below! --
-- The default categories after the 12345 service standard (district officers edit them in the console):
-- emergency 2 h, water/power/gas/heating 24 h, general 7 working days, complex 15 working days.
INSERT INTO "request_categories" ("code", "name", "contact_limit", "contact_unit", "resolve_limit", "resolve_unit", "sort_key") VALUES
  ('emergency', '紧急', 1, 'hours', 2, 'hours', 10),
  ('utilities', '水电气热', 2, 'hours', 24, 'hours', 20),
  ('general', '一般', 24, 'hours', 7, 'workdays', 30),
  ('complex', '复杂', 1, 'workdays', 15, 'workdays', 40)
ON CONFLICT ("code") DO NOTHING;
