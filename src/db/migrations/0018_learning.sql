-- 研修・人材育成 (learning, decision 0020): learner profiles, courses and their parts, sessions and their days,
-- applications with the selection's outcome, attendance per day, assignments and completions with the
-- certificate's serial. Courses and sessions are owned by the HQ (both owner columns null), a branch or a region.
CREATE TABLE "learner_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"profession" text NOT NULL,
	"workplace_organisation_id" uuid,
	"workplace_name" text,
	"municipality_code" char(6),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"owner_centre_id" uuid,
	"owner_region_id" uuid,
	"completion_requires_all_days" boolean DEFAULT true NOT NULL,
	"completion_requires_all_lessons" boolean DEFAULT true NOT NULL,
	"completion_requires_assignment" boolean DEFAULT false NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "training_courses_one_owner" CHECK ("owner_centre_id" is null or "owner_region_id" is null)
);
--> statement-breakpoint
CREATE TABLE "training_course_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"duration_seconds" integer
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"owner_centre_id" uuid,
	"owner_region_id" uuid,
	"title" text NOT NULL,
	"delivery" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"applications_open_at" timestamp with time zone,
	"applications_close_at" timestamp with time zone,
	"co_hosts" text[] DEFAULT '{}'::text[] NOT NULL,
	"operator_name" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"selection_seed" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_one_owner" CHECK ("owner_centre_id" is null or "owner_region_id" is null),
	CONSTRAINT "training_sessions_capacity" CHECK ("capacity" is null or "capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_session_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" time,
	"ends_at" time,
	"part_id" uuid
);
--> statement-breakpoint
CREATE TABLE "training_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"learner_user_id" uuid NOT NULL,
	"profession" text NOT NULL,
	"profession_group" text NOT NULL,
	"region_id" uuid,
	"municipality_code" char(6),
	"workplace" text DEFAULT '' NOT NULL,
	"pre_survey" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"wait_rank" integer,
	"decision_reason" text,
	"override_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"session_day_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_session_day_id_application_id_pk" PRIMARY KEY("session_day_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "training_assignment_submissions" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "training_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"course_id" uuid NOT NULL,
	"session_id" uuid,
	"learner_user_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"certificate_serial" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text
);
--> statement-breakpoint
ALTER TABLE "learner_profiles" ADD CONSTRAINT "learner_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_profiles" ADD CONSTRAINT "learner_profiles_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_profiles" ADD CONSTRAINT "learner_profiles_workplace_organisation_id_organisations_id_fk" FOREIGN KEY ("workplace_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_owner_centre_id_centres_id_fk" FOREIGN KEY ("owner_centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_owner_region_id_regions_id_fk" FOREIGN KEY ("owner_region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_parts" ADD CONSTRAINT "training_course_parts_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_owner_centre_id_centres_id_fk" FOREIGN KEY ("owner_centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_owner_region_id_regions_id_fk" FOREIGN KEY ("owner_region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_days" ADD CONSTRAINT "training_session_days_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_days" ADD CONSTRAINT "training_session_days_part_id_training_course_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."training_course_parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_applications" ADD CONSTRAINT "training_applications_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_applications" ADD CONSTRAINT "training_applications_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_applications" ADD CONSTRAINT "training_applications_learner_user_id_users_id_fk" FOREIGN KEY ("learner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_applications" ADD CONSTRAINT "training_applications_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_applications" ADD CONSTRAINT "training_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_day_id_training_session_days_id_fk" FOREIGN KEY ("session_day_id") REFERENCES "public"."training_session_days"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_application_id_training_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."training_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_assignment_submissions" ADD CONSTRAINT "training_assignment_submissions_application_id_training_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."training_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_assignment_submissions" ADD CONSTRAINT "training_assignment_submissions_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_learner_user_id_users_id_fk" FOREIGN KEY ("learner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learner_profiles_prefecture_idx" ON "learner_profiles" USING btree ("prefecture_code","profession");--> statement-breakpoint
CREATE INDEX "training_courses_prefecture_idx" ON "training_courses" USING btree ("prefecture_code","kind");--> statement-breakpoint
CREATE INDEX "training_courses_owner_centre_idx" ON "training_courses" USING btree ("owner_centre_id");--> statement-breakpoint
CREATE INDEX "training_courses_owner_region_idx" ON "training_courses" USING btree ("owner_region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_course_parts_course_seq_uq" ON "training_course_parts" USING btree ("course_id","seq");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_sessions_prefecture_idx" ON "training_sessions" USING btree ("prefecture_code","status");--> statement-breakpoint
CREATE INDEX "training_sessions_owner_centre_idx" ON "training_sessions" USING btree ("owner_centre_id");--> statement-breakpoint
CREATE INDEX "training_sessions_owner_region_idx" ON "training_sessions" USING btree ("owner_region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_session_days_session_seq_uq" ON "training_session_days" USING btree ("session_id","seq");--> statement-breakpoint
CREATE INDEX "training_session_days_held_on_idx" ON "training_session_days" USING btree ("held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_applications_session_learner_uq" ON "training_applications" USING btree ("session_id","learner_user_id");--> statement-breakpoint
CREATE INDEX "training_applications_session_status_idx" ON "training_applications" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "training_applications_learner_idx" ON "training_applications" USING btree ("learner_user_id");--> statement-breakpoint
CREATE INDEX "training_attendance_application_idx" ON "training_attendance" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_completions_serial_uq" ON "training_completions" USING btree ("certificate_serial");--> statement-breakpoint
CREATE UNIQUE INDEX "training_completions_session_learner_uq" ON "training_completions" USING btree ("course_id","session_id","learner_user_id") WHERE session_id is not null;--> statement-breakpoint
CREATE INDEX "training_completions_learner_idx" ON "training_completions" USING btree ("learner_user_id");--> statement-breakpoint
CREATE INDEX "training_completions_prefecture_idx" ON "training_completions" USING btree ("prefecture_code","completed_on");
