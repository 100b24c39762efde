ALTER TABLE "pilots" ADD COLUMN "lottery_commitment" text;--> statement-breakpoint
ALTER TABLE "pilots" ADD COLUMN "lottery_committed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pilots" ADD COLUMN "lottery_applicants" uuid[];--> statement-breakpoint
ALTER TABLE "pilots" ADD COLUMN "lottery_capacity" integer;--> statement-breakpoint
-- Pilots not yet drawn get a seed from the server's secure random source, committed to now.
UPDATE "pilots" SET "lottery_seed" = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), "lottery_committed_at" = now() WHERE "lottery_at" IS NULL;--> statement-breakpoint
-- Drawn pilots keep their seed; their commitment is computed afterwards (no commitment time).
UPDATE "pilots" SET "lottery_commitment" = encode(sha256(convert_to("lottery_seed", 'UTF8')), 'hex') WHERE "lottery_seed" IS NOT NULL;--> statement-breakpoint
UPDATE "pilots" p SET "lottery_applicants" = ARRAY(SELECT e."id" FROM "pilot_enrolments" e WHERE e."pilot_id" = p."id" AND e."lottery_rank" IS NOT NULL ORDER BY e."created_at", e."id"), "lottery_capacity" = p."capacity" WHERE p."lottery_at" IS NOT NULL;
