-- The results page counts only the answers added since its last count (docs/knowledge.md §5, results-cache.ts).
-- An answer says only whether it has been counted: no order and no time, so an anonymous survey's answers still
-- cannot be put in the order they arrived (decision 0027). Existing answers start uncounted: the first view counts
-- them once.
ALTER TABLE "survey_answers" ADD COLUMN "counted" boolean NOT NULL DEFAULT false;
--> statement-breakpoint
CREATE INDEX "survey_answers_uncounted_idx" ON "survey_answers" ("survey_id") WHERE not "counted";
--> statement-breakpoint
-- The newest free-text answers of a filter are read newest first (day, then random id) instead of being counted.
CREATE INDEX "survey_answers_newest_idx" ON "survey_answers" ("survey_id", "submitted_on" DESC, "id");
--> statement-breakpoint
-- The kept counts: one tally per survey and cell (region and municipality), which add up for any filter.
CREATE TABLE "survey_count_cells" (
	"survey_id" uuid NOT NULL REFERENCES "surveys"("id") ON DELETE CASCADE,
	"cell_key" text NOT NULL,
	"region_id" uuid,
	"municipality_code" char(6),
	"tally" jsonb NOT NULL,
	PRIMARY KEY ("survey_id", "cell_key")
);
--> statement-breakpoint
-- The survey's version the cells were made under (another version counts every answer again) and how many answers
-- they hold; its row is locked while new answers are counted, one count of a survey at a time.
CREATE TABLE "survey_count_state" (
	"survey_id" uuid PRIMARY KEY REFERENCES "surveys"("id") ON DELETE CASCADE,
	"survey_version" integer NOT NULL,
	"answers_counted" integer NOT NULL
);
--> statement-breakpoint
-- The whole pages of migration 0043 are now built from the cells: they hold while the cells hold as many answers
-- under the same version. Those kept before were made differently; they go.
DELETE FROM "survey_result_counts";
