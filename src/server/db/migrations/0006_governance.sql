CREATE TABLE "campaign_findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	"building_id" integer NOT NULL,
	"visit_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"item_text" text NOT NULL,
	"entrance_id" integer,
	"floor" integer,
	"location" text,
	"description" text NOT NULL,
	"photo_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"recheck_result" text,
	"rechecked_on" date,
	"rechecked_by" integer,
	"recheck_notes" text,
	"recheck_photo_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "campaign_visits" ADD COLUMN "checklist_results" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "checklist" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "campaign_findings_campaign_idx" ON "campaign_findings" USING btree ("campaign_id","status","deadline");--> statement-breakpoint
CREATE INDEX "campaign_findings_building_idx" ON "campaign_findings" USING btree ("building_id","status");