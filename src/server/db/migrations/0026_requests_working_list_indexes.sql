DROP INDEX "requests_community_open_idx";--> statement-breakpoint
DROP INDEX "requests_assignee_idx";--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "next_deadline" timestamp with time zone GENERATED ALWAYS AS (case when contacted_at is null then least(contact_deadline, resolve_deadline) else resolve_deadline end) STORED;--> statement-breakpoint
CREATE INDEX "requests_community_open_due_idx" ON "requests" USING btree ("community_id","next_deadline","id") WHERE "requests"."status" in ('received', 'signed', 'contacted', 'in_progress');--> statement-breakpoint
CREATE INDEX "requests_community_callback_idx" ON "requests" USING btree ("community_id","received_at") WHERE "requests"."status" in ('resolved', 'unresolved') and "requests"."callback_at" is null;--> statement-breakpoint
CREATE INDEX "requests_community_assignee_idx" ON "requests" USING btree ("community_id","assignee_id","received_at") WHERE "requests"."status" <> 'closed';