CREATE TABLE "declarations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "declarations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" integer,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_city" boolean NOT NULL,
	"origin_region" text,
	"return_date" date,
	"transport" text,
	"answers_cipher" text,
	"status" text NOT NULL,
	"rule_id" text,
	"purge_after" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_status" (
	"resident_id" integer PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"status" text NOT NULL,
	"rule_id" text,
	"reason" jsonb NOT NULL,
	"observation_until" date,
	"declaration_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"cause" text NOT NULL,
	"reason" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_rule_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_rule_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rules" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_areas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "risk_areas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"level" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" integer,
	"replaced_by" integer
);
--> statement-breakpoint
CREATE INDEX "declarations_community_at_idx" ON "declarations" USING btree ("community_id","declared_at");--> statement-breakpoint
CREATE INDEX "declarations_resident_idx" ON "declarations" USING btree ("resident_id","declared_at");--> statement-breakpoint
CREATE INDEX "person_status_community_idx" ON "person_status" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "status_history_resident_idx" ON "status_history" USING btree ("resident_id","at");--> statement-breakpoint
CREATE INDEX "status_history_community_at_idx" ON "status_history" USING btree ("community_id","at");--> statement-breakpoint
CREATE INDEX "risk_areas_current_idx" ON "risk_areas" USING btree ("retired_at","region_code");