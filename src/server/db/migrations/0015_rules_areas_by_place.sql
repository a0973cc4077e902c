DROP INDEX "risk_areas_current_idx";--> statement-breakpoint
ALTER TABLE "status_rule_sets" ADD COLUMN "place_id" integer;--> statement-breakpoint
ALTER TABLE "risk_areas" ADD COLUMN "place_id" integer;--> statement-breakpoint
CREATE INDEX "status_rule_sets_place_idx" ON "status_rule_sets" USING btree ("place_id","id");--> statement-breakpoint
CREATE INDEX "risk_areas_place_current_idx" ON "risk_areas" USING btree ("place_id","retired_at","region_code");