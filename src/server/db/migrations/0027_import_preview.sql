ALTER TABLE "import_jobs" ADD COLUMN "mode" text DEFAULT 'import' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "preview_cipher" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "plan_hash" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "accepted" integer[] DEFAULT '{}'::int[] NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "conflicts" integer DEFAULT 0 NOT NULL;