-- An uploaded census list is kept in parts of at most 256 KB, each written by its own short statement: on the
-- embedded database one statement holding a whole 2 MB file stopped the server for most of a second
-- (decision 0016). census_imports.file_id names the parts; the parts of an upload are written before its
-- import row exists and are only ever read through that row, so an upload that fails leaves nothing usable.
CREATE TABLE "census_file_parts" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"bytes" bytea NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "census_file_parts_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
ALTER TABLE "census_file_parts" ADD CONSTRAINT "census_file_parts_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_imports" ADD COLUMN "file_id" uuid;--> statement-breakpoint
-- Files stored before this change move into parts of 256 KB, named by their import's id.
UPDATE "census_imports" SET "file_id" = "id";--> statement-breakpoint
INSERT INTO "census_file_parts" ("file_id", "seq", "prefecture_code", "bytes")
SELECT i."id", s.n, i."prefecture_code", substring(i."content" FROM s.n * 262144 + 1 FOR 262144)
FROM "census_imports" i
CROSS JOIN LATERAL generate_series(0, greatest(length(i."content") - 1, 0) / 262144) AS s(n);--> statement-breakpoint
ALTER TABLE "census_imports" ALTER COLUMN "file_id" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "census_imports_file_id_uq" ON "census_imports" USING btree ("file_id");--> statement-breakpoint
ALTER TABLE "census_imports" DROP COLUMN "content";
