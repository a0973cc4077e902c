CREATE TABLE "duty_inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "duty_inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"gate_id" integer NOT NULL,
	"inspected_at" timestamp with time zone NOT NULL,
	"staffed" boolean NOT NULL,
	"thermometer_ok" boolean NOT NULL,
	"log_complete" boolean NOT NULL,
	"visitors_registered" boolean NOT NULL,
	"notes" text,
	"photo_id" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_shifts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gate_shifts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"gate_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text,
	"checked_in_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "duty_inspections_gate_idx" ON "duty_inspections" USING btree ("gate_id","inspected_at");--> statement-breakpoint
CREATE INDEX "gate_shifts_gate_idx" ON "gate_shifts" USING btree ("gate_id","starts_at");--> statement-breakpoint
CREATE INDEX "gate_shifts_account_idx" ON "gate_shifts" USING btree ("account_id","starts_at");