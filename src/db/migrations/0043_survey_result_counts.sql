-- The results page's last count per survey and filter (docs/knowledge.md §5): valid while the survey has as many
-- answers as when it was counted and the same version, so a view between two answers reads one row instead of
-- the answers' JSON. No time is kept, so nothing tells when an anonymous survey's answers arrived.
CREATE TABLE "survey_result_counts" (
	"survey_id" uuid NOT NULL REFERENCES "surveys"("id") ON DELETE CASCADE,
	"filter_key" text NOT NULL,
	"answers_seen" integer NOT NULL,
	"survey_version" integer NOT NULL,
	"results" jsonb NOT NULL,
	PRIMARY KEY ("survey_id", "filter_key")
);
