-- Photos already in use are attached to what uses them, so they stay visible to whoever sees that record
-- (finding photos and re-check photos to their finding, an inspection's photo to its inspection). Photos
-- never used stay unattached: only their uploader sees them.
UPDATE "photos" p SET "attached_to" = f."id"
FROM "campaign_findings" f
WHERE p."purpose" = 'campaign_finding' AND p."attached_to" IS NULL AND p."community_id" = f."community_id"
  AND (p."id" = ANY(f."photo_ids") OR p."id" = ANY(f."recheck_photo_ids"));--> statement-breakpoint
UPDATE "photos" p SET "attached_to" = i."id"
FROM "duty_inspections" i
WHERE p."purpose" = 'inspection' AND p."attached_to" IS NULL AND i."photo_id" = p."id"
  AND p."community_id" = i."community_id";
