-- Mail to people outside the centre's staff (decision 0032).
-- A learner's sign-up confirmed by an e-mail link: the link's token kept only as its SHA-256 hash, with its expiry.
ALTER TABLE "learner_sign_ups" ADD COLUMN "confirm_token_hash" text;
--> statement-breakpoint
ALTER TABLE "learner_sign_ups" ADD COLUMN "confirm_expires_at" timestamp with time zone;
--> statement-breakpoint
CREATE UNIQUE INDEX "learner_sign_ups_confirm_token_uq" ON "learner_sign_ups" ("confirm_token_hash") WHERE "confirm_token_hash" IS NOT NULL;
--> statement-breakpoint
-- The reminder before a session, sent once per application (learner and session).
ALTER TABLE "training_applications" ADD COLUMN "reminded_at" timestamp with time zone;
--> statement-breakpoint
-- The address a family left on the public consultation form and the language it wrote in, for the
-- acknowledgement and staff's replies by mail.
ALTER TABLE "consultations" ADD COLUMN "asker_email" text;
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "asker_locale" text;
--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_asker_locale_ck" CHECK ("asker_locale" IS NULL OR "asker_locale" IN ('ja', 'en'));
