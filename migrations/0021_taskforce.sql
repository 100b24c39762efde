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
CREATE TABLE "taskforce_budgets" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"total_dkk" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ementor_rate_dkk" integer NOT NULL,
	"updated_by" uuid,
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
CREATE TABLE "taskforce_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"texts" jsonb NOT NULL,
	"pdf_base64" text NOT NULL,
	"docx_base64" text NOT NULL,
	"issued_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taskforce_spending" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"pilot_id" uuid,
	"description" text NOT NULL,
	"on" date NOT NULL,
	"amount_dkk" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "taskforce_actions" ADD CONSTRAINT "taskforce_actions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_actions" ADD CONSTRAINT "taskforce_actions_centre_id_taskforce_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."taskforce_centres"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_actions" ADD CONSTRAINT "taskforce_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_budgets" ADD CONSTRAINT "taskforce_budgets_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_budgets" ADD CONSTRAINT "taskforce_budgets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_centre_sites" ADD CONSTRAINT "taskforce_centre_sites_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_centre_sites" ADD CONSTRAINT "taskforce_centre_sites_centre_id_taskforce_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."taskforce_centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_centre_sites" ADD CONSTRAINT "taskforce_centre_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_centres" ADD CONSTRAINT "taskforce_centres_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_reports" ADD CONSTRAINT "taskforce_reports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_reports" ADD CONSTRAINT "taskforce_reports_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_spending" ADD CONSTRAINT "taskforce_spending_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_spending" ADD CONSTRAINT "taskforce_spending_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "taskforce_actions_idx" ON "taskforce_actions" USING btree ("municipality_id","recommendation","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "taskforce_centre_sites_site_uq" ON "taskforce_centre_sites" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "taskforce_centres_name_uq" ON "taskforce_centres" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE INDEX "taskforce_reports_idx" ON "taskforce_reports" USING btree ("municipality_id","issued_on");--> statement-breakpoint
CREATE INDEX "taskforce_spending_idx" ON "taskforce_spending" USING btree ("municipality_id","on");