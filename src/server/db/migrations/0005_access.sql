CREATE TABLE "access_settings" (
	"community_id" integer PRIMARY KEY NOT NULL,
	"pass_holder" text DEFAULT 'household' NOT NULL,
	"last_pass_number" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_checks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gate_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"uuid" uuid NOT NULL,
	"community_id" integer NOT NULL,
	"gate_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject" text NOT NULL,
	"pass_id" integer,
	"pass_number" integer,
	"visitor_id" integer,
	"verdict" text NOT NULL,
	"direction" text NOT NULL,
	"temperature" real,
	"fever" boolean DEFAULT false NOT NULL,
	"id_checked" boolean DEFAULT false NOT NULL,
	"plate" text,
	"trunk_checked" boolean DEFAULT false NOT NULL,
	"refused" boolean DEFAULT false NOT NULL,
	"refusal_reason" text,
	"offline" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_referrals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gate_referrals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"check_uuid" uuid NOT NULL,
	"gate_id" integer NOT NULL,
	"resident_id" integer,
	"household_id" integer,
	"visitor_id" integer,
	"temperature" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "passes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"number" integer NOT NULL,
	"holder_kind" text NOT NULL,
	"household_id" integer NOT NULL,
	"resident_id" integer,
	"kid" integer NOT NULL,
	"token" text NOT NULL,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"replaced_by" integer,
	"link_token" text,
	"issued_by" integer,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "visitors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visitors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"gate_id" integer NOT NULL,
	"name" text NOT NULL,
	"phone_cipher" text NOT NULL,
	"phone_masked" text NOT NULL,
	"reason" text NOT NULL,
	"visiting" text NOT NULL,
	"temperature" real,
	"plate" text,
	"valid_on" date NOT NULL,
	"token" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "gate_checks_uuid_uq" ON "gate_checks" USING btree ("uuid");--> statement-breakpoint
CREATE INDEX "gate_checks_community_at_idx" ON "gate_checks" USING btree ("community_id","checked_at");--> statement-breakpoint
CREATE INDEX "gate_checks_gate_at_idx" ON "gate_checks" USING btree ("gate_id","checked_at");--> statement-breakpoint
CREATE INDEX "gate_checks_pass_idx" ON "gate_checks" USING btree ("pass_id","checked_at") WHERE "gate_checks"."pass_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "gate_referrals_check_uq" ON "gate_referrals" USING btree ("check_uuid");--> statement-breakpoint
CREATE INDEX "gate_referrals_community_idx" ON "gate_referrals" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "passes_number_uq" ON "passes" USING btree ("community_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "passes_link_uq" ON "passes" USING btree ("link_token");--> statement-breakpoint
CREATE INDEX "passes_compound_idx" ON "passes" USING btree ("compound_id","status");--> statement-breakpoint
CREATE INDEX "passes_household_idx" ON "passes" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "passes_revoked_idx" ON "passes" USING btree ("community_id","revoked_at");--> statement-breakpoint
CREATE INDEX "visitors_community_day_idx" ON "visitors" USING btree ("community_id","valid_on");