-- The balanced selection of a capped training session (MI-5): its seed and result (the applicants that took
-- part, each decision with its reason, the regions' guarantees and shares), who ran it and when the results
-- were announced. One row per session, versioned against two staff running it at once.
CREATE TABLE "training_selections" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"seed" char(16) NOT NULL,
	"result" jsonb NOT NULL,
	"ran_by" uuid NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"announced_at" timestamp with time zone,
	"announced_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_selections" ADD CONSTRAINT "training_selections_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_selections" ADD CONSTRAINT "training_selections_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_selections" ADD CONSTRAINT "training_selections_ran_by_users_id_fk" FOREIGN KEY ("ran_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_selections" ADD CONSTRAINT "training_selections_announced_by_users_id_fk" FOREIGN KEY ("announced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A session's waiting list is read in rank order; the applicants of a learner across sessions by learner.
CREATE INDEX "training_applications_session_wait_idx" ON "training_applications" USING btree ("session_id","wait_rank") WHERE "wait_rank" is not null;
