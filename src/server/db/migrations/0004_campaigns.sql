CREATE TABLE "campaign_assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"building_id" integer NOT NULL,
	"entrance_id" integer,
	"account_id" integer NOT NULL,
	"team" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"household_id" integer,
	"building_id" integer NOT NULL,
	"entrance_id" integer,
	"floor" integer,
	"room" text,
	"outcome" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_visit_at" timestamp with time zone,
	"last_visited_by" integer
);
--> statement-breakpoint
CREATE TABLE "campaign_visits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" uuid NOT NULL,
	"campaign_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"notes" text,
	"declaration_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"visited_by" integer NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"place_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"target_count" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_assignments_uq" ON "campaign_assignments" USING btree ("campaign_id","building_id",coalesce("entrance_id", 0));--> statement-breakpoint
CREATE INDEX "campaign_assignments_account_idx" ON "campaign_assignments" USING btree ("account_id","campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_targets_campaign_idx" ON "campaign_targets" USING btree ("campaign_id","building_id","entrance_id");--> statement-breakpoint
CREATE INDEX "campaign_targets_household_idx" ON "campaign_targets" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_visits_client_uq" ON "campaign_visits" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "campaign_visits_campaign_at_idx" ON "campaign_visits" USING btree ("campaign_id","visited_at");--> statement-breakpoint
CREATE INDEX "campaign_visits_target_idx" ON "campaign_visits" USING btree ("target_id","visited_at");--> statement-breakpoint
CREATE INDEX "campaigns_community_idx" ON "campaigns" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "photos_community_idx" ON "photos" USING btree ("community_id","created_at");