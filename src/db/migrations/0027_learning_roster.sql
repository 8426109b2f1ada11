CREATE TABLE "coordinator_statuses" (
	"learner_user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id"),
	"prefecture_code" char(2) NOT NULL REFERENCES "prefectures"("code"),
	"active" boolean NOT NULL,
	"confirmed_on" date NOT NULL,
	"confirmed_by" uuid REFERENCES "users"("id"),
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "coordinator_statuses_prefecture_idx" ON "coordinator_statuses" ("prefecture_code");
--> statement-breakpoint
CREATE TABLE "supervise_pool_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL REFERENCES "prefectures"("code"),
	"centre_id" uuid NOT NULL REFERENCES "centres"("id"),
	"person_id" uuid NOT NULL REFERENCES "people"("id"),
	"tags" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "supervise_pool_members_centre_person_uq" ON "supervise_pool_members" ("centre_id", "person_id");
--> statement-breakpoint
CREATE INDEX "supervise_pool_members_prefecture_idx" ON "supervise_pool_members" ("prefecture_code", "centre_id");
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "asker_organisation_id" uuid REFERENCES "organisations"("id");
--> statement-breakpoint
CREATE INDEX "consultations_asker_organisation_idx" ON "consultations" ("asker_organisation_id", "opened_on") WHERE asker_organisation_id IS NOT NULL;
