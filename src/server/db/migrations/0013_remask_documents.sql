-- Document masks are derived data (shared/identity/mask.ts) and that rule changed: an 18-character number
-- now shows its region code and check character only (the sequence number went with the birth date),
-- and a 2004 permanent residence card only its first two letters. Both new masks are cut from the old
-- ones, so stored masks are rewritten here without the key.
UPDATE residents
SET doc_masked = left(doc_masked, 6) || repeat('*', 11) || right(doc_masked, 1)
WHERE length(doc_masked) = 18 AND substr(doc_masked, 7, 8) = '********' AND substr(doc_masked, 15, 3) <> '***';
--> statement-breakpoint
UPDATE residents
SET doc_masked = left(doc_masked, 2) || repeat('*', 13)
WHERE doc_type = 'foreign_permanent_residence' AND doc_masked ~ '^[A-Z]{2}\*{10}[0-9]{3}$';
