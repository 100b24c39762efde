DROP INDEX "users_email_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "users_municipality_email_uq" ON "users" USING btree ("municipality_id",lower("email"));