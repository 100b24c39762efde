CREATE TABLE "taskforce_count_runs" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"counted_at" timestamp with time zone NOT NULL,
	"rows" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taskforce_daily_counts" (
	"municipality_id" uuid NOT NULL,
	"site_id" uuid,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "taskforce_count_runs" ADD CONSTRAINT "taskforce_count_runs_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_daily_counts" ADD CONSTRAINT "taskforce_daily_counts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "taskforce_daily_counts_idx" ON "taskforce_daily_counts" USING btree ("municipality_id","day");