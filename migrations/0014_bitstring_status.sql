ALTER TABLE "badge_keys" ADD COLUMN "next_status_index" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "badges" ADD COLUMN "status_index" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "badges_status_index_uq" ON "badges" USING btree ("municipality_id","status_index");--> statement-breakpoint
-- Badges issued before get their bit, in the order they were issued, and each issuer's counter
-- continues after them. (Their credentials still name the 1EdTech revocation list, which stays.)
UPDATE "badges" b SET "status_index" = r.n FROM (SELECT "id", (row_number() OVER (PARTITION BY "municipality_id" ORDER BY "issued_at", "id") - 1)::int AS n FROM "badges") r WHERE b."id" = r."id";--> statement-breakpoint
UPDATE "badge_keys" k SET "next_status_index" = COALESCE((SELECT max("status_index") + 1 FROM "badges" b WHERE b."municipality_id" = k."municipality_id"), 0);
