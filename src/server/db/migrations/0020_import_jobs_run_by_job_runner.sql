ALTER TABLE "import_jobs" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;