-- Knowledge, more (docs/knowledge.md §4, §5).
-- A personal link of a provider survey may be sent for a listing of the resources directory, so that the
-- provider's answer about accepted care can be reviewed against that listing and applied (NA-4).
ALTER TABLE "survey_invitations" ADD COLUMN "service_id" uuid REFERENCES "resource_services"("id");
--> statement-breakpoint
-- What staff applied from a provider's answer to the listing, one row per care item (nothing applies by itself).
CREATE TABLE "survey_care_applications" (
	"answer_id" uuid NOT NULL REFERENCES "survey_answers"("id"),
	"care_code" text NOT NULL,
	"service_id" uuid NOT NULL REFERENCES "resource_services"("id"),
	"prefecture_code" char(2) NOT NULL,
	"acceptance" text NOT NULL,
	"applied_by" uuid REFERENCES "users"("id"),
	"applied_at" timestamp with time zone NOT NULL DEFAULT now(),
	PRIMARY KEY ("answer_id", "care_code"),
	CONSTRAINT "survey_care_applications_acceptance_ck" CHECK ("acceptance" IN ('accepted', 'accepted_with_conditions', 'not_accepted'))
);
--> statement-breakpoint
CREATE INDEX "survey_care_applications_service_idx" ON "survey_care_applications" ("service_id");
--> statement-breakpoint
-- A good-practice story's consent to publication on the public site: who agreed, on which day, how, and who
-- recorded it; and the story offered on the public site (only published, only with consent).
ALTER TABLE "good_practices" ADD COLUMN "public_consent_by" text;
--> statement-breakpoint
ALTER TABLE "good_practices" ADD COLUMN "public_consent_on" date;
--> statement-breakpoint
ALTER TABLE "good_practices" ADD COLUMN "public_consent_method" text;
--> statement-breakpoint
ALTER TABLE "good_practices" ADD COLUMN "public_consent_recorded_by" uuid REFERENCES "users"("id");
--> statement-breakpoint
ALTER TABLE "good_practices" ADD COLUMN "public_consent_recorded_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "good_practices" ADD COLUMN "public_offered_by" uuid REFERENCES "users"("id");
--> statement-breakpoint
ALTER TABLE "good_practices" ADD COLUMN "public_offered_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_public_consent_ck" CHECK (
	("public_consent_on" IS NULL) = ("public_consent_by" IS NULL)
	AND ("public_consent_on" IS NULL) = ("public_consent_method" IS NULL)
	AND ("public_consent_method" IS NULL OR "public_consent_method" IN ('written', 'email', 'oral'))
);
--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_public_offer_ck" CHECK (
	"public_offered_at" IS NULL OR ("status" = 'published' AND "public_consent_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX "good_practices_public_idx" ON "good_practices" ("prefecture_code", "public_offered_at") WHERE "public_offered_at" IS NOT NULL;
