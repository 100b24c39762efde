CREATE TABLE "pilot_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"referred_by" uuid,
	"eligible" boolean NOT NULL,
	"eligibility" jsonb NOT NULL,
	"arm" text DEFAULT 'applicant' NOT NULL,
	"lottery_rank" integer,
	"sessions_attended" smallint DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"certification" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"cvr" text,
	"role" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"target_group" jsonb NOT NULL,
	"learning_methods" text[] NOT NULL,
	"hours_per_week" integer NOT NULL,
	"weeks" integer NOT NULL,
	"capacity" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"budget_dkk" integer NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"decision_rule" jsonb NOT NULL,
	"rule_locked_at" timestamp with time zone,
	"lottery_seed" text,
	"lottery_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_weeks" (
	"municipality_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"week" date NOT NULL,
	"benefit" text,
	"employed" boolean NOT NULL,
	"education" boolean NOT NULL,
	CONSTRAINT "register_weeks_municipality_id_citizen_id_week_pk" PRIMARY KEY("municipality_id","citizen_id","week")
);
--> statement-breakpoint
ALTER TABLE "pilot_enrolments" ADD CONSTRAINT "pilot_enrolments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_enrolments" ADD CONSTRAINT "pilot_enrolments_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_enrolments" ADD CONSTRAINT "pilot_enrolments_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_enrolments" ADD CONSTRAINT "pilot_enrolments_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_partners" ADD CONSTRAINT "pilot_partners_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_partners" ADD CONSTRAINT "pilot_partners_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_status_changes" ADD CONSTRAINT "pilot_status_changes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_status_changes" ADD CONSTRAINT "pilot_status_changes_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_status_changes" ADD CONSTRAINT "pilot_status_changes_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_weeks" ADD CONSTRAINT "register_weeks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_weeks" ADD CONSTRAINT "register_weeks_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_enrolments_uq" ON "pilot_enrolments" USING btree ("pilot_id","citizen_id");--> statement-breakpoint
CREATE INDEX "pilot_enrolments_citizen_idx" ON "pilot_enrolments" USING btree ("municipality_id","citizen_id");--> statement-breakpoint
CREATE INDEX "pilot_partners_pilot_idx" ON "pilot_partners" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "pilot_status_changes_pilot_idx" ON "pilot_status_changes" USING btree ("pilot_id","created_at");--> statement-breakpoint
CREATE INDEX "pilots_municipality_idx" ON "pilots" USING btree ("municipality_id","starts_on");--> statement-breakpoint
CREATE INDEX "register_weeks_week_idx" ON "register_weeks" USING btree ("municipality_id","week");