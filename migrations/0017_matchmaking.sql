CREATE TABLE "event_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"unavailable" jsonb NOT NULL,
	"invited_by" uuid,
	"registered_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"no_show" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"tables" smallint NOT NULL,
	"rooms" text[] NOT NULL,
	"video_links" text[] NOT NULL,
	"roles" text[] NOT NULL,
	"unavailable" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_company_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"slot" smallint NOT NULL,
	"table_no" smallint NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"outcome" text,
	"outcome_starts_on" date,
	"outcome_note" text,
	"outcome_at" timestamp with time zone,
	"outcome_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_wishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"event_company_id" uuid NOT NULL,
	"rank" smallint,
	"company_answer" text,
	"rule" text,
	"pin_slot" smallint,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matchmaking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"on" date NOT NULL,
	"starts_at" text NOT NULL,
	"slot_minutes" smallint NOT NULL,
	"slot_count" smallint NOT NULL,
	"break_every" smallint DEFAULT 0 NOT NULL,
	"break_minutes" smallint DEFAULT 0 NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"max_meetings" smallint NOT NULL,
	"pilot_id" uuid,
	"status" text DEFAULT 'planning' NOT NULL,
	"last_run" jsonb,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_candidates" ADD CONSTRAINT "event_candidates_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_candidates" ADD CONSTRAINT "event_candidates_event_id_matchmaking_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_candidates" ADD CONSTRAINT "event_candidates_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_candidates" ADD CONSTRAINT "event_candidates_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_companies" ADD CONSTRAINT "event_companies_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_companies" ADD CONSTRAINT "event_companies_event_id_matchmaking_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_companies" ADD CONSTRAINT "event_companies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meetings" ADD CONSTRAINT "event_meetings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meetings" ADD CONSTRAINT "event_meetings_event_id_matchmaking_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meetings" ADD CONSTRAINT "event_meetings_event_company_id_event_companies_id_fk" FOREIGN KEY ("event_company_id") REFERENCES "public"."event_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meetings" ADD CONSTRAINT "event_meetings_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meetings" ADD CONSTRAINT "event_meetings_outcome_by_users_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_wishes" ADD CONSTRAINT "event_wishes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_wishes" ADD CONSTRAINT "event_wishes_event_id_matchmaking_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_wishes" ADD CONSTRAINT "event_wishes_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_wishes" ADD CONSTRAINT "event_wishes_event_company_id_event_companies_id_fk" FOREIGN KEY ("event_company_id") REFERENCES "public"."event_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_events" ADD CONSTRAINT "matchmaking_events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_events" ADD CONSTRAINT "matchmaking_events_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_events" ADD CONSTRAINT "matchmaking_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_candidates_uq" ON "event_candidates" USING btree ("event_id","citizen_id");--> statement-breakpoint
CREATE INDEX "event_candidates_citizen_idx" ON "event_candidates" USING btree ("municipality_id","citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_companies_uq" ON "event_companies" USING btree ("event_id","company_id");--> statement-breakpoint
CREATE INDEX "event_meetings_event_idx" ON "event_meetings" USING btree ("event_id","slot");--> statement-breakpoint
CREATE INDEX "event_meetings_citizen_idx" ON "event_meetings" USING btree ("municipality_id","citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_meetings_pair_uq" ON "event_meetings" USING btree ("event_id","event_company_id","citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_wishes_uq" ON "event_wishes" USING btree ("event_id","citizen_id","event_company_id");--> statement-breakpoint
CREATE INDEX "matchmaking_events_municipality_idx" ON "matchmaking_events" USING btree ("municipality_id","on");