-- Working days (docs/configuration.md, src/shared/working-days.ts): the extra closed days a prefecture adds to
-- weekends, public holidays and the year-end closure; and the first contact that never strands a family
-- (docs/consultations.md §2): why a request went where it went, and when an unanswered one was escalated.
CREATE TABLE "working_day_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"closed_on" date NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_day_closures_label" CHECK (length("label") between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "working_day_closures" ADD CONSTRAINT "working_day_closures_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code");
--> statement-breakpoint
ALTER TABLE "working_day_closures" ADD CONSTRAINT "working_day_closures_user_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id");
--> statement-breakpoint
CREATE UNIQUE INDEX "working_day_closures_uq" ON "working_day_closures" ("prefecture_code", "closed_on");
--> statement-breakpoint
ALTER TABLE "consultation_settings" ADD COLUMN "escalate_after_working_days" integer DEFAULT 3 NOT NULL;
--> statement-breakpoint
ALTER TABLE "consultation_settings" ADD CONSTRAINT "consultation_settings_escalate_days" CHECK ("escalate_after_working_days" between 1 and 20);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "routing_reason" jsonb;
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "escalated_at" timestamp with time zone;
--> statement-breakpoint
CREATE INDEX "consultations_unanswered_idx" ON "consultations" ("prefecture_code", "opened_on") WHERE source = 'public_form' AND closed_at IS NULL AND escalated_at IS NULL;
