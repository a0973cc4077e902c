CREATE TABLE "audit_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" integer,
	"account_name" text,
	"community_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" integer,
	"reason" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"scope_place_id" integer NOT NULL,
	"scope_building_ids" integer[],
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"account_id" integer,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"phase" text DEFAULT 'reading' NOT NULL,
	"header" text[] DEFAULT '{}'::text[] NOT NULL,
	"total_rows" integer,
	"places_created" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_rejections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_rejections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_id" integer NOT NULL,
	"row_number" integer NOT NULL,
	"values_cipher" text NOT NULL,
	"reasons" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"building_id" integer NOT NULL,
	"entrance_id" integer,
	"floor" integer,
	"room" text NOT NULL,
	"vacant" boolean DEFAULT false NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text,
	"contact_name" text,
	"contact_phone_cipher" text,
	"contact_phone_masked" text,
	"staff_count" integer,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "party_branches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "party_branches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"name" text NOT NULL,
	"secretary_name" text,
	"member_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_moves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resident_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"household_id" integer,
	"from_at" timestamp with time zone DEFAULT now() NOT NULL,
	"to_at" timestamp with time zone,
	"reason" text,
	"by_account_id" integer
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "residents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"household_id" integer,
	"name" text NOT NULL,
	"gender" text,
	"doc_type" text NOT NULL,
	"doc_cipher" text NOT NULL,
	"doc_hash" text NOT NULL,
	"doc_masked" text NOT NULL,
	"phone_cipher" text,
	"phone_hash" text,
	"phone_masked" text,
	"phone_tail" text,
	"birth_date" date,
	"relation_to_head" text DEFAULT 'other' NOT NULL,
	"residence_type" text DEFAULT 'registered' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"verified" boolean DEFAULT true NOT NULL,
	"moved_out_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"name" text NOT NULL,
	"vehicles_allowed" boolean DEFAULT false NOT NULL,
	"opening_hours" text
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "places_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"parent_id" integer,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"community_id" integer,
	"sort_key" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_community_at_idx" ON "audit_log" USING btree ("community_id","at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_username_uq" ON "accounts" USING btree ("username");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "import_jobs_community_idx" ON "import_jobs" USING btree ("community_id","started_at");--> statement-breakpoint
CREATE INDEX "import_rejections_job_idx" ON "import_rejections" USING btree ("job_id","row_number");--> statement-breakpoint
CREATE UNIQUE INDEX "households_door_uq" ON "households" USING btree ("building_id",coalesce("entrance_id", 0),"room");--> statement-breakpoint
CREATE INDEX "households_community_idx" ON "households" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "households_entrance_idx" ON "households" USING btree ("entrance_id");--> statement-breakpoint
CREATE INDEX "organisations_community_idx" ON "organisations" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "party_branches_community_idx" ON "party_branches" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "resident_moves_resident_idx" ON "resident_moves" USING btree ("resident_id","from_at");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_doc_uq" ON "residents" USING btree ("community_id","doc_hash");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "residents_name_idx" ON "residents" USING btree ("community_id",("name" collate "C"));--> statement-breakpoint
CREATE INDEX "residents_name_all_idx" ON "residents" USING btree (("name" collate "C"));--> statement-breakpoint
CREATE INDEX "residents_phone_tail_idx" ON "residents" USING btree ("community_id","phone_tail");--> statement-breakpoint
CREATE INDEX "residents_doc_hash_idx" ON "residents" USING btree ("doc_hash");--> statement-breakpoint
CREATE INDEX "residents_phone_hash_idx" ON "residents" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "gates_compound_idx" ON "gates" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "places_parent_idx" ON "places" USING btree ("parent_id","sort_key");--> statement-breakpoint
CREATE INDEX "places_path_idx" ON "places" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "places_community_idx" ON "places" USING btree ("community_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "places_code_uq" ON "places" USING btree ("code");