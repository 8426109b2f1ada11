CREATE TABLE "consultation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"minutes" integer,
	"note" text,
	"by_user_id" uuid,
	"team_id" uuid,
	"resource_id" uuid,
	"resource_text" text,
	"follow_up_on" date,
	"follow_up_done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"kind" text NOT NULL,
	"from_team_id" uuid NOT NULL,
	"to_team_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"keep_as_backup" boolean DEFAULT false NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "consultation_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"consultation_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_settings" (
	"prefecture_code" char(2) PRIMARY KEY NOT NULL,
	"top_share" real NOT NULL,
	"max_share" real NOT NULL,
	"min_cases" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_team_members" (
	"team_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_team_members_team_id_person_id_pk" PRIMARY KEY("team_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"kind" text NOT NULL,
	"tier" text NOT NULL,
	"municipality_code" char(6),
	"region_id" uuid,
	"centre_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"owner_tier" text NOT NULL,
	"first_team_id" uuid NOT NULL,
	"first_tier" text NOT NULL,
	"municipality_code" char(6) NOT NULL,
	"asker_kind" text NOT NULL,
	"asker_division" text,
	"asker_contact" text,
	"channel" text NOT NULL,
	"child_kind" text NOT NULL,
	"child_id" uuid,
	"child_description" text,
	"topics" text[] NOT NULL,
	"urgency" text NOT NULL,
	"narrative" text NOT NULL,
	"search_text" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_on" date NOT NULL,
	"next_action_on" date,
	"due_on" date,
	"assigned_user_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_on" date,
	"outcome" text,
	"closing_note" text,
	"resolved_team_id" uuid,
	"resolved_tier" text,
	"resolved_by_user_id" uuid,
	"source" text DEFAULT 'staff' NOT NULL,
	"receipt_no" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_actions" ADD CONSTRAINT "consultation_actions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_handoffs" ADD CONSTRAINT "consultation_handoffs_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_handoffs" ADD CONSTRAINT "consultation_handoffs_from_team_id_consultation_teams_id_fk" FOREIGN KEY ("from_team_id") REFERENCES "public"."consultation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_handoffs" ADD CONSTRAINT "consultation_handoffs_to_team_id_consultation_teams_id_fk" FOREIGN KEY ("to_team_id") REFERENCES "public"."consultation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_history" ADD CONSTRAINT "consultation_history_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_settings" ADD CONSTRAINT "consultation_settings_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_team_members" ADD CONSTRAINT "consultation_team_members_team_id_consultation_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."consultation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_team_members" ADD CONSTRAINT "consultation_team_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_teams" ADD CONSTRAINT "consultation_teams_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_teams" ADD CONSTRAINT "consultation_teams_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_teams" ADD CONSTRAINT "consultation_teams_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_owner_team_id_consultation_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."consultation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_first_team_id_consultation_teams_id_fk" FOREIGN KEY ("first_team_id") REFERENCES "public"."consultation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_resolved_team_id_consultation_teams_id_fk" FOREIGN KEY ("resolved_team_id") REFERENCES "public"."consultation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_actions_consultation_idx" ON "consultation_actions" USING btree ("consultation_id","at");--> statement-breakpoint
CREATE INDEX "consultation_actions_follow_up_idx" ON "consultation_actions" USING btree ("follow_up_on") WHERE follow_up_done_at is null;--> statement-breakpoint
CREATE INDEX "consultation_handoffs_consultation_idx" ON "consultation_handoffs" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_handoffs_pending_uq" ON "consultation_handoffs" USING btree ("consultation_id") WHERE kind = 'handoff' and status = 'requested';--> statement-breakpoint
CREATE INDEX "consultation_handoffs_to_idx" ON "consultation_handoffs" USING btree ("to_team_id","status");--> statement-breakpoint
CREATE INDEX "consultation_handoffs_prefecture_idx" ON "consultation_handoffs" USING btree ("prefecture_code","decided_at");--> statement-breakpoint
CREATE INDEX "consultation_history_consultation_idx" ON "consultation_history" USING btree ("consultation_id","version");--> statement-breakpoint
CREATE INDEX "consultation_team_members_person_idx" ON "consultation_team_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "consultation_teams_prefecture_idx" ON "consultation_teams" USING btree ("prefecture_code","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_teams_municipality_uq" ON "consultation_teams" USING btree ("municipality_code") WHERE kind = 'tier' and tier = 'municipality';--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_teams_region_uq" ON "consultation_teams" USING btree ("region_id") WHERE kind = 'tier' and tier = 'region';--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_teams_branch_uq" ON "consultation_teams" USING btree ("centre_id") WHERE kind = 'tier' and tier = 'region';--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_teams_centre_uq" ON "consultation_teams" USING btree ("prefecture_code") WHERE kind = 'tier' and tier = 'centre';--> statement-breakpoint
CREATE INDEX "consultations_owner_open_idx" ON "consultations" USING btree ("owner_team_id","prefecture_code","opened_at") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "consultations_owner_idx" ON "consultations" USING btree ("owner_team_id","opened_on");--> statement-breakpoint
CREATE INDEX "consultations_assigned_idx" ON "consultations" USING btree ("assigned_user_id","due_on") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "consultations_due_idx" ON "consultations" USING btree ("prefecture_code","due_on") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "consultations_prefecture_opened_idx" ON "consultations" USING btree ("prefecture_code","opened_on","first_tier","resolved_tier","asker_kind","municipality_code");--> statement-breakpoint
CREATE INDEX "consultations_child_idx" ON "consultations" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_receipt_uq" ON "consultations" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "consultations_search_trgm_idx" ON "consultations" USING gin ("search_text" gin_trgm_ops);