CREATE TABLE "taskforce_targets" (
	"municipality_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"target" double precision,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "taskforce_targets_municipality_id_indicator_pk" PRIMARY KEY("municipality_id","indicator")
);
--> statement-breakpoint
ALTER TABLE "taskforce_targets" ADD CONSTRAINT "taskforce_targets_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_targets" ADD CONSTRAINT "taskforce_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;