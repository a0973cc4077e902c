CREATE TABLE "daily_reports" (
	"template_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"day" date NOT NULL,
	"values" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" integer,
	CONSTRAINT "daily_reports_template_id_day_community_id_pk" PRIMARY KEY("template_id","day","community_id")
);
--> statement-breakpoint
CREATE TABLE "dashboard_facts" (
	"place_id" integer NOT NULL,
	"day" date NOT NULL,
	"indicator" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "dashboard_facts_place_id_day_indicator_pk" PRIMARY KEY("place_id","day","indicator")
);
--> statement-breakpoint
CREATE TABLE "dashboard_refreshes" (
	"place_id" integer NOT NULL,
	"day" date NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dashboard_refreshes_place_id_day_pk" PRIMARY KEY("place_id","day")
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"place_id" integer NOT NULL,
	"name" text NOT NULL,
	"cutoff" text NOT NULL,
	"columns" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screen_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "screen_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"place_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "building_roles" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "building_roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"building_id" integer NOT NULL,
	"role" text NOT NULL,
	"helper_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "building_roles_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "care_needs" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "care_needs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_every_days" integer NOT NULL,
	"last_contact_at" timestamp with time zone,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_needs_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "care_tasks" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "care_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"building_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"kind" text NOT NULL,
	"what" text,
	"status" text DEFAULT 'offered' NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"declined_by" integer[] DEFAULT '{}'::int[] NOT NULL,
	"helper_id" integer,
	"accepted_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"outcome" text,
	"photo_id" integer,
	"notes" text,
	"client_id" uuid,
	"done_at" timestamp with time zone,
	"done_by" integer,
	"minutes" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_tasks_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "coverage_settings" (
	"community_id" integer PRIMARY KEY NOT NULL,
	"required" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helper_hours" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "helper_hours_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"helper_id" integer NOT NULL,
	"source" text NOT NULL,
	"task_id" integer,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"entered_by" integer NOT NULL,
	"decided_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helper_hours_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "helpers" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "helpers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"resident_id" integer,
	"name" text NOT NULL,
	"phone_cipher" text,
	"phone_hash" text,
	"phone_masked" text,
	"teams" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text,
	"verified" boolean DEFAULT false NOT NULL,
	"account_id" integer,
	"party_branch_id" integer,
	"party_kind" text,
	"employer_party_org" text,
	"reported_on" date,
	"next_report_due" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpers_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "observation_alerts" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "observation_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"observation_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"checkin_id" integer NOT NULL,
	"temperature" numeric(3, 1),
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"escalated_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" integer,
	CONSTRAINT "observation_alerts_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "observation_checkins" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "observation_checkins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"observation_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"slot_id" integer,
	"client_id" text NOT NULL,
	"channel" text NOT NULL,
	"reading_cipher" text NOT NULL,
	"alarming" boolean NOT NULL,
	"recorded_by" integer,
	"recorded_by_name" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"follow_up" boolean DEFAULT false NOT NULL,
	"purge_after" date NOT NULL,
	CONSTRAINT "observation_checkins_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "observation_slots" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "observation_slots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"observation_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"day" date NOT NULL,
	"part" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'due' NOT NULL,
	"checkin_id" integer,
	CONSTRAINT "observation_slots_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "observation_tasks" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "observation_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"observation_id" integer,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" integer,
	CONSTRAINT "observation_tasks_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "observations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"household_id" integer,
	"building_id" integer,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"day_one" date NOT NULL,
	"planned_end" date NOT NULL,
	"period_days" integer NOT NULL,
	"eligibility" jsonb,
	"site" text,
	"room" text,
	"link_token" text,
	"started_by" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"ended_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "observations_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "request_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"contact_limit" integer NOT NULL,
	"contact_unit" text NOT NULL,
	"resolve_limit" integer NOT NULL,
	"resolve_unit" text NOT NULL,
	"sort_key" integer DEFAULT 0 NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "request_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" integer,
	"account_name" text,
	"note" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "request_events_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"place_id" integer,
	"household_id" integer,
	"resident_id" integer,
	"requester_name" text NOT NULL,
	"phone_cipher" text,
	"phone_hash" text,
	"phone_masked" text,
	"category_id" integer NOT NULL,
	"text" text NOT NULL,
	"channel" text NOT NULL,
	"order_number" text,
	"contact_preference" text,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contact_deadline" timestamp with time zone NOT NULL,
	"resolve_deadline" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"contacted_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"outcome" text,
	"explanation" text,
	"closed_at" timestamp with time zone,
	"assignee_id" integer,
	"escalated_at" timestamp with time zone,
	"escalation_reason" text,
	"callback_at" timestamp with time zone,
	"callback_resolved" boolean,
	"satisfaction" text,
	"failed_callbacks" integer DEFAULT 0 NOT NULL,
	"exclusion_reason" text,
	"exclusion_state" text,
	"exclusion_note" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"link_hash" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requests_community_id_id_pk" PRIMARY KEY("community_id","id")
);
--> statement-breakpoint
CREATE INDEX "dashboard_facts_day_idx" ON "dashboard_facts" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "screen_links_token_uq" ON "screen_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "screen_links_place_idx" ON "screen_links" USING btree ("place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "building_roles_uq" ON "building_roles" USING btree ("community_id","building_id","role","helper_id");--> statement-breakpoint
CREATE INDEX "building_roles_community_idx" ON "building_roles" USING btree ("community_id","building_id");--> statement-breakpoint
CREATE INDEX "building_roles_helper_idx" ON "building_roles" USING btree ("helper_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_needs_resident_uq" ON "care_needs" USING btree ("community_id","resident_id");--> statement-breakpoint
CREATE INDEX "care_needs_due_idx" ON "care_needs" USING btree ("community_id","last_contact_at");--> statement-breakpoint
CREATE INDEX "care_tasks_community_idx" ON "care_tasks" USING btree ("community_id","status","offered_at");--> statement-breakpoint
CREATE INDEX "care_tasks_building_idx" ON "care_tasks" USING btree ("building_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "care_tasks_client_uq" ON "care_tasks" USING btree ("community_id","client_id");--> statement-breakpoint
CREATE INDEX "helper_hours_community_idx" ON "helper_hours" USING btree ("community_id","worked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "helper_hours_task_uq" ON "helper_hours" USING btree ("community_id","task_id");--> statement-breakpoint
CREATE INDEX "helpers_community_idx" ON "helpers" USING btree ("community_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "helpers_account_uq" ON "helpers" USING btree ("community_id","account_id");--> statement-breakpoint
CREATE INDEX "observation_alerts_open_idx" ON "observation_alerts" USING btree ("community_id") WHERE acknowledged_at is null;--> statement-breakpoint
CREATE INDEX "observation_alerts_obs_idx" ON "observation_alerts" USING btree ("observation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_checkins_client_uq" ON "observation_checkins" USING btree ("community_id","client_id");--> statement-breakpoint
CREATE INDEX "observation_checkins_obs_idx" ON "observation_checkins" USING btree ("observation_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_slots_uq" ON "observation_slots" USING btree ("community_id","observation_id","day","part");--> statement-breakpoint
CREATE INDEX "observation_slots_due_idx" ON "observation_slots" USING btree ("closes_at") WHERE state = 'due';--> statement-breakpoint
CREATE INDEX "observation_slots_community_idx" ON "observation_slots" USING btree ("community_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_tasks_dedupe_uq" ON "observation_tasks" USING btree ("community_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "observation_tasks_community_idx" ON "observation_tasks" USING btree ("community_id","done_at");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_open_person_uq" ON "observations" USING btree ("community_id","resident_id") WHERE ended_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "observations_link_uq" ON "observations" USING btree ("link_token");--> statement-breakpoint
CREATE INDEX "observations_community_idx" ON "observations" USING btree ("community_id","ended_at");--> statement-breakpoint
CREATE UNIQUE INDEX "request_categories_code_uq" ON "request_categories" USING btree ("code");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "requests_community_received_idx" ON "requests" USING btree ("community_id","received_at");--> statement-breakpoint
CREATE INDEX "requests_community_open_idx" ON "requests" USING btree ("community_id","resolve_deadline") WHERE "requests"."status" in ('received', 'signed', 'contacted', 'in_progress');--> statement-breakpoint
CREATE INDEX "requests_assignee_idx" ON "requests" USING btree ("assignee_id") WHERE "requests"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "requests_order_number_uq" ON "requests" USING btree ("community_id","order_number");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_link_hash_uq" ON "requests" USING btree ("link_hash");