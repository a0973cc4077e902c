CREATE TABLE "campaign_visit_hours" (
	"campaign_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"visits" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "campaign_visit_hours_campaign_idx" ON "campaign_visit_hours" USING btree ("campaign_id","hour");