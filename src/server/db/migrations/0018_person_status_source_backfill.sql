-- Who set each status already recorded (person_status.source, added with default 'staff'): a resident's
-- own declaration on the public form (no account recorded it) is 'self'; a referral the gate made (the newest history row is a
-- gate fever and the person is still referred) is 'gate'; everything else stays 'staff', the safe side
-- (a resident's own declaration never lowers it).
UPDATE "person_status" ps SET "source" = 'self'
FROM "declarations" d
WHERE d."id" = ps."declaration_id" AND d."recorded_by" IS NULL;
--> statement-breakpoint
UPDATE "person_status" ps SET "source" = 'gate'
WHERE ps."status" = 'referred_to_clinic'
  AND (SELECT h."cause" FROM "status_history" h WHERE h."resident_id" = ps."resident_id"
       ORDER BY h."at" DESC, h."id" DESC LIMIT 1) = 'gate_fever';
