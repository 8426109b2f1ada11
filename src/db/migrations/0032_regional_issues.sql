-- Regional issues (地域課題, NA-1, KA-4) and resource-development projects (KA-3; decision 0023,
-- docs/municipal-support.md §4–5). An issue is raised in a region (optionally one of its municipalities), gathers
-- consultations as evidence, and moves region → prefectural council → proposal → answer; every move is a row of
-- its history. Its source (a consultation, a hearing, a meeting, a bottleneck) is named by kind and id without a
-- foreign key: those records belong to other modules. A project records the date of each stage reached, its
-- operator, and the directory listing once open. Written only through the regional-issues module, within the
-- writer's area, and audited in the same transaction.
CREATE TABLE "regional_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"nendo" integer NOT NULL,
	"serial" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_code" char(6),
	"care_item" text,
	"source_kind" text,
	"source_id" uuid,
	"level" text DEFAULT 'region' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"council_on" date,
	"proposal_text" text,
	"proposed_on" date,
	"answer_text" text,
	"answered_on" date,
	"next_step" text,
	"next_step_on" date,
	"owner_user_id" uuid,
	"raised_by" uuid NOT NULL,
	"raised_on" date NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "regional_issues_source_ck" CHECK (("source_kind" is null) = ("source_id" is null)),
	CONSTRAINT "regional_issues_level_ck" CHECK ("level" in ('region', 'prefecture_council', 'proposal', 'answered')),
	CONSTRAINT "regional_issues_closed_ck" CHECK (("status" = 'closed') = ("outcome" is not null and "closed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "regional_issue_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"issue_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid NOT NULL,
	"by_role" text NOT NULL,
	"kind" text NOT NULL,
	"from_level" text,
	"to_level" text,
	"note" text,
	"ref_id" uuid
);
--> statement-breakpoint
CREATE TABLE "regional_issue_consultations" (
	"issue_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"linked_by" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "regional_issue_consultations_pk" PRIMARY KEY ("issue_id", "consultation_id")
);
--> statement-breakpoint
CREATE TABLE "development_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_code" char(6),
	"operator_organisation_id" uuid,
	"operator_name" text,
	"stage" text NOT NULL,
	"advised_on" date,
	"paperwork_on" date,
	"designated_on" date,
	"opened_on" date,
	"places" integer,
	"resource_service_id" uuid,
	"issue_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"stopped_on" date,
	"note" text,
	"next_step" text,
	"next_step_on" date,
	"owner_user_id" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "development_projects_stage_ck" CHECK ("stage" in ('operator_advised', 'paperwork', 'designated', 'opened')),
	CONSTRAINT "development_projects_opened_ck" CHECK (("stage" = 'opened') = ("opened_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "regional_issues" ADD CONSTRAINT "regional_issues_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "regional_issues" ADD CONSTRAINT "regional_issues_region_fk" FOREIGN KEY ("region_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "regional_issues" ADD CONSTRAINT "regional_issues_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "regional_issues" ADD CONSTRAINT "regional_issues_owner_fk" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "regional_issues" ADD CONSTRAINT "regional_issues_raised_by_fk" FOREIGN KEY ("raised_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "regional_issues" ADD CONSTRAINT "regional_issues_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "regional_issue_events" ADD CONSTRAINT "regional_issue_events_issue_fk" FOREIGN KEY ("issue_id") REFERENCES "regional_issues"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "regional_issue_events" ADD CONSTRAINT "regional_issue_events_by_fk" FOREIGN KEY ("by_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "regional_issue_consultations" ADD CONSTRAINT "regional_issue_consultations_issue_fk" FOREIGN KEY ("issue_id") REFERENCES "regional_issues"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "regional_issue_consultations" ADD CONSTRAINT "regional_issue_consultations_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id");--> statement-breakpoint
ALTER TABLE "regional_issue_consultations" ADD CONSTRAINT "regional_issue_consultations_linked_by_fk" FOREIGN KEY ("linked_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_region_fk" FOREIGN KEY ("region_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_operator_fk" FOREIGN KEY ("operator_organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_service_fk" FOREIGN KEY ("resource_service_id") REFERENCES "resource_services"("id");--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_issue_fk" FOREIGN KEY ("issue_id") REFERENCES "regional_issues"("id");--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_owner_fk" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE UNIQUE INDEX "regional_issues_number_uq" ON "regional_issues" ("prefecture_code", "nendo", "serial");--> statement-breakpoint
CREATE INDEX "regional_issues_area_idx" ON "regional_issues" ("prefecture_code", "region_id", "status");--> statement-breakpoint
CREATE INDEX "regional_issues_municipality_idx" ON "regional_issues" ("municipality_code");--> statement-breakpoint
CREATE INDEX "regional_issue_events_issue_idx" ON "regional_issue_events" ("issue_id", "at");--> statement-breakpoint
CREATE INDEX "regional_issue_consultations_consultation_idx" ON "regional_issue_consultations" ("consultation_id");--> statement-breakpoint
CREATE INDEX "development_projects_area_idx" ON "development_projects" ("prefecture_code", "region_id");--> statement-breakpoint
CREATE INDEX "development_projects_opened_idx" ON "development_projects" ("prefecture_code", "opened_on");--> statement-breakpoint
CREATE INDEX "development_projects_issue_idx" ON "development_projects" ("issue_id");
