CREATE TABLE "declaration_reviews" (
	"declaration_id" integer PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"reasons" text[] NOT NULL,
	"typed_name" text,
	"from_status" text,
	"to_status" text NOT NULL,
	"status_reason" jsonb NOT NULL,
	"observation_until" date,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "declarations" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "person_status" ADD COLUMN "source" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
CREATE INDEX "declaration_reviews_pending_idx" ON "declaration_reviews" USING btree ("community_id","created_at") WHERE "declaration_reviews"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "declaration_reviews_resident_idx" ON "declaration_reviews" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "declarations_client_uq" ON "declarations" USING btree ("community_id","client_id") WHERE "declarations"."client_id" is not null;