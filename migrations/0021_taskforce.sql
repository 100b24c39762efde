CREATE TABLE "taskforce_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"recommendation" text NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"centre_id" uuid,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"links" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taskforce_centre_sites" (
	"municipality_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"site_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taskforce_centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "taskforce_actions" ADD CONSTRAINT "taskforce_actions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_actions" ADD CONSTRAINT "taskforce_actions_centre_id_taskforce_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."taskforce_centres"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_actions" ADD CONSTRAINT "taskforce_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_centre_sites" ADD CONSTRAINT "taskforce_centre_sites_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_centre_sites" ADD CONSTRAINT "taskforce_centre_sites_centre_id_taskforce_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."taskforce_centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_centre_sites" ADD CONSTRAINT "taskforce_centre_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_centres" ADD CONSTRAINT "taskforce_centres_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "taskforce_actions_idx" ON "taskforce_actions" USING btree ("municipality_id","recommendation","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "taskforce_centre_sites_site_uq" ON "taskforce_centre_sites" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "taskforce_centres_name_uq" ON "taskforce_centres" USING btree ("municipality_id","name");