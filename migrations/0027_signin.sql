CREATE TABLE "federated_sessions" (
	"session_id" text PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"method" text NOT NULL,
	"name_id" text,
	"session_index" text,
	"id_token_cipher" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_flows" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"method" text NOT NULL,
	"nonce" text,
	"code_verifier" text,
	"request_id" text,
	"next" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_settings" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"oidc_enabled" boolean DEFAULT false NOT NULL,
	"oidc_issuer" text,
	"oidc_client_id" text,
	"oidc_secret_cipher" text,
	"oidc_domains" text[] DEFAULT '{}' NOT NULL,
	"oidc_groups_claim" text,
	"oidc_group_roles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"saml_enabled" boolean DEFAULT false NOT NULL,
	"saml_idp_metadata_url" text,
	"saml_idp_metadata" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saml_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"type" text NOT NULL,
	"message_id" text,
	"in_response_to" text,
	"assertion_id" text,
	"refusal" text,
	"xml" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "password_login" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "federated_sessions" ADD CONSTRAINT "federated_sessions_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "federated_sessions" ADD CONSTRAINT "federated_sessions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_flows" ADD CONSTRAINT "login_flows_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_settings" ADD CONSTRAINT "login_settings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_settings" ADD CONSTRAINT "login_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saml_messages" ADD CONSTRAINT "saml_messages_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "federated_sessions_name_idx" ON "federated_sessions" USING btree ("municipality_id","name_id");--> statement-breakpoint
CREATE INDEX "login_flows_request_idx" ON "login_flows" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "saml_messages_at_idx" ON "saml_messages" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "saml_messages_assertion_uq" ON "saml_messages" USING btree ("assertion_id");