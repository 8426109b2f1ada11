CREATE TABLE "census_decisions" (
	"prefecture_code" char(2) NOT NULL,
	"pair_key" text NOT NULL,
	"decision" text NOT NULL,
	"nendo" smallint NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "census_decisions_prefecture_code_pair_key_pk" PRIMARY KEY("prefecture_code","pair_key")
);
--> statement-breakpoint
CREATE TABLE "census_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"nendo" smallint NOT NULL,
	"source_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"content" "bytea" NOT NULL,
	"encoding" text,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid,
	"row_count" integer,
	"issue_count" integer,
	"issues" jsonb,
	"superseded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "census_members" (
	"run_id" uuid NOT NULL,
	"idx" integer NOT NULL,
	"cluster" integer NOT NULL,
	"record_id" bigint,
	"child_id" uuid,
	CONSTRAINT "census_members_run_id_idx_pk" PRIMARY KEY("run_id","idx")
);
--> statement-breakpoint
CREATE TABLE "census_provenance" (
	"run_id" uuid NOT NULL,
	"cluster" integer NOT NULL,
	"child_id" uuid NOT NULL,
	"created" boolean NOT NULL,
	"sources" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "census_provenance_run_id_cluster_pk" PRIMARY KEY("run_id","cluster")
);
--> statement-breakpoint
CREATE TABLE "census_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "census_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"import_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"nendo" smallint NOT NULL,
	"row" integer NOT NULL,
	"name" text,
	"kana" text,
	"birth_date" date,
	"sex" text,
	"address" text,
	"municipality_code" char(6),
	"school" text,
	"grade" text,
	"care_items" text[],
	"raw" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "census_review_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"a_idx" integer NOT NULL,
	"b_idx" integer NOT NULL,
	"weight" real NOT NULL,
	"comparison" jsonb NOT NULL,
	"guard" text,
	"pair_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reused" boolean DEFAULT false NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "census_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"nendo" smallint NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid,
	"record_count" integer,
	"cluster_count" integer,
	"model" jsonb,
	"thresholds" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"pushed_by" uuid,
	"pushed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "census_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"name" text NOT NULL,
	"source_type" text NOT NULL,
	"municipality_code" char(6),
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"phase" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "census_decisions" ADD CONSTRAINT "census_decisions_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_decisions" ADD CONSTRAINT "census_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_imports" ADD CONSTRAINT "census_imports_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_imports" ADD CONSTRAINT "census_imports_source_id_census_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."census_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_imports" ADD CONSTRAINT "census_imports_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_imports" ADD CONSTRAINT "census_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_members" ADD CONSTRAINT "census_members_run_id_census_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."census_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_members" ADD CONSTRAINT "census_members_record_id_census_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."census_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_members" ADD CONSTRAINT "census_members_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_provenance" ADD CONSTRAINT "census_provenance_run_id_census_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."census_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_provenance" ADD CONSTRAINT "census_provenance_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_records" ADD CONSTRAINT "census_records_import_id_census_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."census_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_review_pairs" ADD CONSTRAINT "census_review_pairs_run_id_census_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."census_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_review_pairs" ADD CONSTRAINT "census_review_pairs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_runs" ADD CONSTRAINT "census_runs_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_runs" ADD CONSTRAINT "census_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_runs" ADD CONSTRAINT "census_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_runs" ADD CONSTRAINT "census_runs_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_runs" ADD CONSTRAINT "census_runs_pushed_by_users_id_fk" FOREIGN KEY ("pushed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_sources" ADD CONSTRAINT "census_sources_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "census_imports_file_uq" ON "census_imports" USING btree ("prefecture_code","nendo","source_id","sha256");--> statement-breakpoint
CREATE INDEX "census_imports_nendo_idx" ON "census_imports" USING btree ("prefecture_code","nendo");--> statement-breakpoint
CREATE INDEX "census_members_cluster_idx" ON "census_members" USING btree ("run_id","cluster");--> statement-breakpoint
CREATE INDEX "census_members_child_idx" ON "census_members" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "census_provenance_child_idx" ON "census_provenance" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "census_records_row_uq" ON "census_records" USING btree ("import_id","row");--> statement-breakpoint
CREATE INDEX "census_records_nendo_idx" ON "census_records" USING btree ("prefecture_code","nendo");--> statement-breakpoint
CREATE INDEX "census_review_pairs_queue_idx" ON "census_review_pairs" USING btree ("run_id","status","weight");--> statement-breakpoint
CREATE UNIQUE INDEX "census_review_pairs_uq" ON "census_review_pairs" USING btree ("run_id","a_idx","b_idx");--> statement-breakpoint
CREATE INDEX "census_runs_nendo_idx" ON "census_runs" USING btree ("prefecture_code","nendo","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "census_sources_name_uq" ON "census_sources" USING btree ("prefecture_code","name");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_prefecture_kind_idx" ON "jobs" USING btree ("prefecture_code","kind","created_at");