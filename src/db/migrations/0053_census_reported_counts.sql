-- A census source's own figure for a 年度 (docs/knowledge.md §5, docs/census.md): how many children with medical
-- care the municipality reports knowing of, applied by staff from its answer to a municipal survey's question
-- marked `maps: "census_children"`. One figure per source and 年度; the census results by municipality show it
-- beside the linked count (the gap is ME-3's feedback). Each change is audited on the source.
CREATE TABLE "census_reported_counts" (
	"source_id" uuid NOT NULL REFERENCES "census_sources"("id"),
	"nendo" smallint NOT NULL,
	"prefecture_code" char(2) NOT NULL REFERENCES "prefectures"("code"),
	"count" integer NOT NULL,
	"survey_id" uuid REFERENCES "surveys"("id"),
	"answer_id" uuid REFERENCES "survey_answers"("id"),
	"version" integer NOT NULL DEFAULT 1,
	"applied_by" uuid REFERENCES "users"("id"),
	"applied_at" timestamp with time zone NOT NULL DEFAULT now(),
	PRIMARY KEY ("source_id", "nendo"),
	CONSTRAINT "census_reported_counts_count_ck" CHECK ("count" >= 0)
);
--> statement-breakpoint
CREATE INDEX "census_reported_counts_nendo_idx" ON "census_reported_counts" ("prefecture_code", "nendo");
