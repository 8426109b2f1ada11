CREATE TABLE "learner_sign_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL REFERENCES "prefectures"("code"),
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"profession" text NOT NULL,
	"workplace_organisation_id" uuid REFERENCES "organisations"("id"),
	"workplace_name" text,
	"municipality_code" char(6) NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"confirmed_by" text,
	"decided_by" uuid REFERENCES "users"("id"),
	"decided_at" timestamp with time zone,
	"user_id" uuid REFERENCES "users"("id"),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learner_sign_ups_status_ck" CHECK ("status" IN ('pending', 'approved', 'rejected')),
	CONSTRAINT "learner_sign_ups_workplace_ck" CHECK ("workplace_organisation_id" IS NOT NULL OR "workplace_name" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "learner_sign_ups_pending_email_uq" ON "learner_sign_ups" ("email") WHERE status = 'pending';
--> statement-breakpoint
CREATE INDEX "learner_sign_ups_queue_idx" ON "learner_sign_ups" ("prefecture_code", "status", "created_at");
