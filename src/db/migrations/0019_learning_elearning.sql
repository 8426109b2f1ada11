-- E-learning (NA-7, decision 0021): lesson media stored in the database in parts (each written and read by its
-- own short statement), lessons' links to their video, captions and documents, watching progress as the server
-- accepted it, question banks with their quizzes, and attempts graded on the server.
CREATE TABLE "elearning_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"course_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'uploading' NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"chunk_bytes" integer NOT NULL,
	"part_bytes" integer NOT NULL,
	"content_type" text,
	"duration_ms" integer,
	"faststart" boolean,
	"caption_language" text,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "elearning_media_part_in_chunk" CHECK ("chunk_bytes" % "part_bytes" = 0),
	CONSTRAINT "elearning_media_size" CHECK ("byte_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "elearning_media_chunks" (
	"media_id" uuid NOT NULL,
	"chunk_no" integer NOT NULL,
	"byte_count" integer NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elearning_media_chunks_media_id_chunk_no_pk" PRIMARY KEY("media_id","chunk_no")
);
--> statement-breakpoint
CREATE TABLE "elearning_media_parts" (
	"media_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" bytea NOT NULL,
	CONSTRAINT "elearning_media_parts_media_id_seq_pk" PRIMARY KEY("media_id","seq")
);
--> statement-breakpoint
-- Video is compressed already: stored as it is, and a slice is read without fetching the whole part.
ALTER TABLE "elearning_media_parts" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;--> statement-breakpoint
CREATE TABLE "elearning_lesson_media" (
	"part_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"caption_language" text,
	"seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "elearning_lesson_media_part_id_media_id_pk" PRIMARY KEY("part_id","media_id")
);
--> statement-breakpoint
CREATE TABLE "elearning_progress" (
	"learner_user_id" uuid NOT NULL,
	"part_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"media_id" uuid NOT NULL,
	"duration_ms" integer NOT NULL,
	"watched" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"covered_ms" integer DEFAULT 0 NOT NULL,
	"credit_ms" integer DEFAULT 0 NOT NULL,
	"last_report_at" timestamp with time zone,
	"last_position_ms" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elearning_progress_learner_user_id_part_id_pk" PRIMARY KEY("learner_user_id","part_id")
);
--> statement-breakpoint
CREATE TABLE "elearning_quizzes" (
	"part_id" uuid PRIMARY KEY NOT NULL,
	"pass_percent" integer DEFAULT 80 NOT NULL,
	"attempt_limit" integer,
	"questions_per_attempt" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elearning_quizzes_pass" CHECK ("pass_percent" between 1 and 100),
	CONSTRAINT "elearning_quizzes_limit" CHECK ("attempt_limit" is null or "attempt_limit" >= 1),
	CONSTRAINT "elearning_quizzes_draw" CHECK ("questions_per_attempt" is null or "questions_per_attempt" >= 1)
);
--> statement-breakpoint
CREATE TABLE "elearning_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"part_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt" text NOT NULL,
	"choices" jsonb NOT NULL,
	"correct" jsonb NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "elearning_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"part_id" uuid NOT NULL,
	"learner_user_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"attempt_no" integer NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"questions" jsonb NOT NULL,
	"pass_percent" integer NOT NULL,
	"answers" jsonb,
	"correct_count" integer,
	"score_percent" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "elearning_media" ADD CONSTRAINT "elearning_media_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_media" ADD CONSTRAINT "elearning_media_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_media" ADD CONSTRAINT "elearning_media_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_media_chunks" ADD CONSTRAINT "elearning_media_chunks_media_id_elearning_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."elearning_media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_media_parts" ADD CONSTRAINT "elearning_media_parts_media_id_elearning_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."elearning_media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_lesson_media" ADD CONSTRAINT "elearning_lesson_media_part_id_training_course_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."training_course_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_lesson_media" ADD CONSTRAINT "elearning_lesson_media_media_id_elearning_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."elearning_media"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_progress" ADD CONSTRAINT "elearning_progress_learner_user_id_users_id_fk" FOREIGN KEY ("learner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_progress" ADD CONSTRAINT "elearning_progress_part_id_training_course_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."training_course_parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_progress" ADD CONSTRAINT "elearning_progress_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_progress" ADD CONSTRAINT "elearning_progress_media_id_elearning_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."elearning_media"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_quizzes" ADD CONSTRAINT "elearning_quizzes_part_id_training_course_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."training_course_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_questions" ADD CONSTRAINT "elearning_questions_part_id_training_course_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."training_course_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_attempts" ADD CONSTRAINT "elearning_attempts_part_id_training_course_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."training_course_parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_attempts" ADD CONSTRAINT "elearning_attempts_learner_user_id_users_id_fk" FOREIGN KEY ("learner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_attempts" ADD CONSTRAINT "elearning_attempts_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "elearning_media_course_idx" ON "elearning_media" USING btree ("course_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "elearning_lesson_media_one_video" ON "elearning_lesson_media" USING btree ("part_id") WHERE "elearning_lesson_media"."kind" = 'video';--> statement-breakpoint
CREATE UNIQUE INDEX "elearning_lesson_media_one_caption_language" ON "elearning_lesson_media" USING btree ("part_id","caption_language") WHERE "elearning_lesson_media"."kind" = 'captions';--> statement-breakpoint
CREATE INDEX "elearning_lesson_media_media_idx" ON "elearning_lesson_media" USING btree ("media_id");--> statement-breakpoint
CREATE INDEX "elearning_progress_part_idx" ON "elearning_progress" USING btree ("part_id");--> statement-breakpoint
CREATE INDEX "elearning_questions_part_idx" ON "elearning_questions" USING btree ("part_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "elearning_attempts_no_uq" ON "elearning_attempts" USING btree ("part_id","learner_user_id","attempt_no");--> statement-breakpoint
CREATE UNIQUE INDEX "elearning_attempts_one_open" ON "elearning_attempts" USING btree ("part_id","learner_user_id") WHERE "elearning_attempts"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "elearning_attempts_learner_idx" ON "elearning_attempts" USING btree ("learner_user_id");
