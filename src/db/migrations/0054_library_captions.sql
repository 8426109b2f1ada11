-- Caption tracks of a library item's video (docs/knowledge.md §2; WCAG 2.2 1.2.2): one WebVTT file of the one
-- store per version of the item and language (ja, en, やさしい日本語). A track belongs to the version whose video
-- it was timed against; a new version starts without tracks. Replacing a track points the row at the new file.
CREATE TABLE "library_captions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL REFERENCES "prefectures"("code"),
	"item_id" uuid NOT NULL REFERENCES "library_items"("id"),
	"version_id" uuid NOT NULL REFERENCES "library_versions"("id"),
	"language" text NOT NULL,
	"file_id" uuid NOT NULL REFERENCES "files"("id"),
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_captions_language" CHECK ("language" in ('ja', 'en', 'easy'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "library_captions_version_language_uq" ON "library_captions" ("version_id", "language");
--> statement-breakpoint
CREATE INDEX "library_captions_item_idx" ON "library_captions" ("item_id");
