CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL REFERENCES "prefectures"("code"),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audience" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"closes_at" timestamp with time zone,
	"definition" jsonb NOT NULL,
	"open_link" boolean DEFAULT true NOT NULL,
	"open_token" text NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_status_check" CHECK ("status" in ('draft', 'open', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_open_token_key" ON "surveys" ("open_token");
--> statement-breakpoint
CREATE INDEX "surveys_prefecture_idx" ON "surveys" ("prefecture_code", "status");
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL REFERENCES "surveys"("id"),
	"prefecture_code" char(2) NOT NULL,
	"name" text NOT NULL,
	"municipality_code" char(6),
	"email" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	"issued_count" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_key" ON "survey_invitations" ("token_hash");
--> statement-breakpoint
CREATE INDEX "survey_invitations_survey_idx" ON "survey_invitations" ("survey_id", "answered");
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL REFERENCES "surveys"("id"),
	"prefecture_code" char(2) NOT NULL,
	"channel" text NOT NULL,
	"invitation_id" uuid REFERENCES "survey_invitations"("id"),
	"municipality_code" char(6),
	"region_id" uuid REFERENCES "regions"("id"),
	"submitted_on" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "survey_answers_survey_idx" ON "survey_answers" ("survey_id", "region_id", "municipality_code");
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_answers_invitation_key" ON "survey_answers" ("invitation_id");
