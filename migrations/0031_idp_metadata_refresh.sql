ALTER TABLE "login_settings" ADD COLUMN "saml_idp_metadata_fetched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "login_settings" ADD COLUMN "saml_idp_metadata_error" text;