ALTER TABLE "photos" ADD COLUMN "public_id" text DEFAULT translate(encode(decode(replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/=', '-_') NOT NULL;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "attached_to" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "photos_public_id_idx" ON "photos" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "photos_created_by_idx" ON "photos" USING btree ("created_by","created_at");