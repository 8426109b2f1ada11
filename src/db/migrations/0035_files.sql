-- The one file store (decision 0025): every file the product keeps — library items, meeting minutes and
-- materials, lesson media, plan formats — as a `files` row with its bytes in `file_parts`, a part per row, each
-- written and read by its own short statement (decisions 0016, 0021). Lesson media move here: their bytes are
-- copied from elearning_media_parts under the same ids (an elearning_media row names its file by its own id),
-- and the old parts table is dropped, so the store is truly one.
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'uploading' NOT NULL,
	"name" text NOT NULL,
	"content_type" text,
	"byte_size" bigint NOT NULL,
	"part_bytes" integer NOT NULL,
	"sha256" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "files_size" CHECK ("byte_size" >= 0),
	CONSTRAINT "files_part_bytes" CHECK ("part_bytes" > 0),
	CONSTRAINT "files_ready_typed" CHECK ("status" <> 'ready' OR ("content_type" IS NOT NULL AND "ready_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_prefecture_kind_idx" ON "files" USING btree ("prefecture_code","kind");--> statement-breakpoint
CREATE TABLE "file_parts" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" bytea NOT NULL,
	CONSTRAINT "file_parts_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
ALTER TABLE "file_parts" ADD CONSTRAINT "file_parts_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Most stored files (video, PDF, office documents) are compressed already: kept as they are, and a slice of a
-- part is read without fetching the whole part.
ALTER TABLE "file_parts" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;--> statement-breakpoint
INSERT INTO "files" ("id", "prefecture_code", "kind", "status", "name", "content_type", "byte_size", "part_bytes", "created_by", "created_at", "ready_at", "deleted_at")
SELECT "id", "prefecture_code",
	CASE "kind" WHEN 'video' THEN 'lesson_video' WHEN 'captions' THEN 'lesson_captions' ELSE 'lesson_document' END,
	"status", "file_name", "content_type", "byte_size", "part_bytes", "uploaded_by", "created_at", "ready_at", "deleted_at"
FROM "elearning_media";--> statement-breakpoint
INSERT INTO "file_parts" ("file_id", "seq", "bytes")
SELECT "media_id", "seq", "bytes" FROM "elearning_media_parts"
WHERE "media_id" IN (SELECT "id" FROM "files");--> statement-breakpoint
DROP TABLE "elearning_media_parts";
