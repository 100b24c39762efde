CREATE TABLE "reported_hires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reported_hires" ADD CONSTRAINT "reported_hires_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_hires" ADD CONSTRAINT "reported_hires_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_hires" ADD CONSTRAINT "reported_hires_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reported_hires_source_uq" ON "reported_hires" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "reported_hires_citizen_idx" ON "reported_hires" USING btree ("municipality_id","citizen_id");