-- Census (issue 12 item 8): ME-3's 訪問教育 and 夜間ケア carried from the lists, imports of the good rows only
-- (how many rows were left out, and a municipality's own upload limited to its municipality), and a run's
-- count breakdown (records → children, who is excluded and why) kept with the run.
ALTER TABLE "census_records" ADD COLUMN "home_visit_education" boolean;--> statement-breakpoint
ALTER TABLE "census_records" ADD COLUMN "night_care" boolean;--> statement-breakpoint
ALTER TABLE "census_imports" ADD COLUMN "options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "census_imports" ADD COLUMN "rejected_count" integer;--> statement-breakpoint
ALTER TABLE "census_runs" ADD COLUMN "breakdown" jsonb;
