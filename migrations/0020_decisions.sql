CREATE TABLE "pilot_looks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"look" smallint NOT NULL,
	"fraction" double precision NOT NULL,
	"boundary" double precision NOT NULL,
	"z" double precision NOT NULL,
	"estimate" double precision NOT NULL,
	"se" double precision NOT NULL,
	"decision" text NOT NULL,
	"by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pilot_enrolments" ADD COLUMN "took_part_elsewhere" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pilot_looks" ADD CONSTRAINT "pilot_looks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_looks" ADD CONSTRAINT "pilot_looks_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_looks" ADD CONSTRAINT "pilot_looks_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_looks_uq" ON "pilot_looks" USING btree ("pilot_id","look");