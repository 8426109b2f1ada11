-- 協議の場 (councils and meetings; docs/municipal-support.md §3): bodies at each tier owned by the prefecture
-- (both owner columns null), a branch or a region, with their charter and recurring schedule; members with term,
-- affiliation and category; meetings with agenda, attendance (members only), minutes with a public and a
-- non-public part, decisions and action items; each user's revocable calendar feed token (stored as SHA-256).
CREATE TABLE "council_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"owner_centre_id" uuid,
	"owner_region_id" uuid,
	"purpose" text DEFAULT '' NOT NULL,
	"charter" text DEFAULT '' NOT NULL,
	"default_place" text DEFAULT '' NOT NULL,
	"schedule_kind" text DEFAULT 'none' NOT NULL,
	"schedule_interval_months" integer DEFAULT 1 NOT NULL,
	"schedule_day_of_month" integer,
	"schedule_week_of_month" integer,
	"schedule_weekday" integer,
	"schedule_start_time" time,
	"schedule_duration_minutes" integer DEFAULT 90 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_bodies_one_owner" CHECK ("owner_centre_id" is null or "owner_region_id" is null),
	CONSTRAINT "council_bodies_schedule" CHECK (
		"schedule_interval_months" BETWEEN 1 AND 12
		AND ("schedule_day_of_month" IS NULL OR "schedule_day_of_month" BETWEEN 1 AND 31)
		AND ("schedule_week_of_month" IS NULL OR "schedule_week_of_month" BETWEEN 1 AND 5)
		AND ("schedule_weekday" IS NULL OR "schedule_weekday" BETWEEN 0 AND 6)
		AND "schedule_duration_minutes" BETWEEN 1 AND 1440
	)
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"organisation_id" uuid,
	"affiliation" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"term_from" date NOT NULL,
	"term_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_members_term" CHECK ("term_to" is null or "term_to" >= "term_from")
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes_public" text DEFAULT '' NOT NULL,
	"minutes_private" text DEFAULT '' NOT NULL,
	"minutes_published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_meetings_ends_after_start" CHECK ("ends_at" > "starts_at")
);
--> statement-breakpoint
CREATE TABLE "council_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "council_attendance_pk" PRIMARY KEY ("meeting_id", "member_id")
);
--> statement-breakpoint
CREATE TABLE "council_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_action_items_status_ck" CHECK ("status" IN ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "council_bodies" ADD CONSTRAINT "council_bodies_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "council_bodies" ADD CONSTRAINT "council_bodies_owner_centre_fk" FOREIGN KEY ("owner_centre_id") REFERENCES "centres"("id");--> statement-breakpoint
ALTER TABLE "council_bodies" ADD CONSTRAINT "council_bodies_owner_region_fk" FOREIGN KEY ("owner_region_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "council_bodies" ADD CONSTRAINT "council_bodies_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_body_fk" FOREIGN KEY ("body_id") REFERENCES "council_bodies"("id");--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_body_fk" FOREIGN KEY ("body_id") REFERENCES "council_bodies"("id");--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "council_attendance" ADD CONSTRAINT "council_attendance_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "council_meetings"("id");--> statement-breakpoint
ALTER TABLE "council_attendance" ADD CONSTRAINT "council_attendance_member_fk" FOREIGN KEY ("member_id") REFERENCES "council_members"("id");--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "council_meetings"("id");--> statement-breakpoint
ALTER TABLE "council_action_items" ADD CONSTRAINT "council_action_items_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "council_meetings"("id");--> statement-breakpoint
ALTER TABLE "council_action_items" ADD CONSTRAINT "council_action_items_body_fk" FOREIGN KEY ("body_id") REFERENCES "council_bodies"("id");--> statement-breakpoint
ALTER TABLE "council_action_items" ADD CONSTRAINT "council_action_items_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "council_action_items" ADD CONSTRAINT "council_action_items_owner_fk" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "council_action_items" ADD CONSTRAINT "council_action_items_done_by_fk" FOREIGN KEY ("done_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "council_action_items" ADD CONSTRAINT "council_action_items_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id");--> statement-breakpoint
CREATE INDEX "council_bodies_prefecture_idx" ON "council_bodies" ("prefecture_code", "kind");--> statement-breakpoint
CREATE INDEX "council_bodies_owner_centre_idx" ON "council_bodies" ("owner_centre_id");--> statement-breakpoint
CREATE INDEX "council_bodies_owner_region_idx" ON "council_bodies" ("owner_region_id");--> statement-breakpoint
CREATE INDEX "council_members_body_idx" ON "council_members" ("body_id");--> statement-breakpoint
CREATE INDEX "council_members_user_idx" ON "council_members" ("user_id");--> statement-breakpoint
CREATE INDEX "council_meetings_body_idx" ON "council_meetings" ("body_id", "starts_at");--> statement-breakpoint
CREATE INDEX "council_meetings_prefecture_idx" ON "council_meetings" ("prefecture_code", "starts_at");--> statement-breakpoint
CREATE INDEX "council_meetings_published_idx" ON "council_meetings" ("prefecture_code", "minutes_published_at") WHERE minutes_published_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "council_decisions_meeting_seq_uq" ON "council_decisions" ("meeting_id", "seq");--> statement-breakpoint
CREATE INDEX "council_action_items_owner_idx" ON "council_action_items" ("owner_user_id", "status", "due_on");--> statement-breakpoint
CREATE INDEX "council_action_items_meeting_idx" ON "council_action_items" ("meeting_id");--> statement-breakpoint
CREATE INDEX "council_action_items_body_idx" ON "council_action_items" ("body_id", "status");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_hash_uq" ON "calendar_feed_tokens" ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_active_uq" ON "calendar_feed_tokens" ("user_id") WHERE revoked_at is null;
