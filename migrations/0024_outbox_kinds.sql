ALTER TABLE "outbox" ADD COLUMN "kind" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_municipality_kind_idx" ON "outbox" USING btree ("municipality_id","kind");--> statement-breakpoint
UPDATE "outbox" SET "failed_at" = "send_after", "recipient" = '', "body" = '' WHERE "sent_at" IS NULL AND "attempts" >= 8;
