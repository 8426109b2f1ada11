-- Consultations get a human number (年度 + serial per prefecture, shown as R8-0123) and a one-line subject, and
-- may name what is to be done next beside its date; a child's record keeps the child's key coordinator and
-- care team (NA-2), people of the network.
--
-- The number is given by a trigger in the inserting transaction: the counter row of the prefecture and 年度 is
-- locked by its upsert, so two intakes never take the same serial, and a number once given never changes (a
-- second trigger refuses it). Consultations are never deleted, so a serial is never given twice.
CREATE TABLE "consultation_case_counters" (
	"prefecture_code" char(2) NOT NULL,
	"nendo" integer NOT NULL,
	"last_serial" integer NOT NULL,
	CONSTRAINT "consultation_case_counters_pk" PRIMARY KEY("prefecture_code","nendo")
);
--> statement-breakpoint
ALTER TABLE "consultation_case_counters" ADD CONSTRAINT "consultation_case_counters_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "case_nendo" integer;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "case_serial" integer;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "next_action" text;--> statement-breakpoint
-- Existing cases are numbered in order of receipt within their prefecture and the 年度 of their opening day.
UPDATE "consultations" AS c SET "case_nendo" = n."nendo", "case_serial" = n."serial"
FROM (
	SELECT x."id", x."nendo",
		row_number() OVER (PARTITION BY x."prefecture_code", x."nendo" ORDER BY x."opened_at", x."created_at", x."id")::int AS "serial"
	FROM (
		SELECT "id", "prefecture_code", "opened_at", "created_at",
			(extract(year FROM "opened_on") - CASE WHEN extract(month FROM "opened_on") < 4 THEN 1 ELSE 0 END)::int AS "nendo"
		FROM "consultations"
	) AS x
) AS n
WHERE n."id" = c."id";--> statement-breakpoint
INSERT INTO "consultation_case_counters" ("prefecture_code", "nendo", "last_serial")
SELECT "prefecture_code", "case_nendo", max("case_serial") FROM "consultations" GROUP BY "prefecture_code", "case_nendo";--> statement-breakpoint
-- Existing subjects: the first sentence of the narrative (its first line, up to 。), cut at 40 characters; the
-- first topic's name when the narrative gives nothing.
UPDATE "consultations" SET "subject" = CASE
	WHEN s."first" = '' THEN CASE "topics"[1]
		WHEN 'medical_care' THEN '医療的ケアの相談'
		WHEN 'welfare_services' THEN '福祉サービスの相談'
		WHEN 'education' THEN '教育の相談'
		WHEN 'childcare' THEN '保育の相談'
		WHEN 'short_stay' THEN 'ショートステイの相談'
		WHEN 'disaster' THEN '災害への備えの相談'
		WHEN 'transport' THEN '移動・送迎の相談'
		WHEN 'money' THEN 'お金・手当の相談'
		WHEN 'work_after_school' THEN '就労・放課後の相談'
		ELSE '相談' END
	WHEN char_length(s."first") > 40 THEN left(s."first", 39) || '…'
	ELSE s."first" END
FROM (
	SELECT "id" AS "sid",
		btrim(regexp_replace(split_part(split_part("narrative", E'\n', 1), '。', 1), '\s+', ' ', 'g')) AS "first"
	FROM "consultations"
) AS s
WHERE s."sid" = "consultations"."id";--> statement-breakpoint
ALTER TABLE "consultations" ALTER COLUMN "case_nendo" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ALTER COLUMN "case_serial" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ALTER COLUMN "subject" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_subject_check" CHECK (char_length("subject") BETWEEN 1 AND 100);--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_case_number_uq" ON "consultations" USING btree ("prefecture_code","case_nendo","case_serial");--> statement-breakpoint
CREATE FUNCTION "consultation_case_number"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	serial integer;
BEGIN
	IF NEW."case_serial" IS NULL THEN
		NEW."case_nendo" := (extract(year FROM NEW."opened_on") - CASE WHEN extract(month FROM NEW."opened_on") < 4 THEN 1 ELSE 0 END)::int;
		INSERT INTO "consultation_case_counters" AS k ("prefecture_code", "nendo", "last_serial")
		VALUES (NEW."prefecture_code", NEW."case_nendo", 1)
		ON CONFLICT ("prefecture_code", "nendo") DO UPDATE SET "last_serial" = k."last_serial" + 1
		RETURNING k."last_serial" INTO serial;
		NEW."case_serial" := serial;
	END IF;
	RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "consultation_case_number" BEFORE INSERT ON "consultations"
	FOR EACH ROW EXECUTE FUNCTION "consultation_case_number"();--> statement-breakpoint
CREATE FUNCTION "consultation_case_number_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW."case_nendo" IS DISTINCT FROM OLD."case_nendo" OR NEW."case_serial" IS DISTINCT FROM OLD."case_serial" THEN
		RAISE EXCEPTION 'a consultation''s case number never changes' USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "consultation_case_number_fixed" BEFORE UPDATE OF "case_nendo", "case_serial" ON "consultations"
	FOR EACH ROW EXECUTE FUNCTION "consultation_case_number_fixed"();--> statement-breakpoint
-- The child's care team (NA-2): people of the network with their part; one of them may be the key coordinator.
CREATE TABLE "child_care_team" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"is_key_coordinator" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_care_team" ADD CONSTRAINT "child_care_team_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_care_team" ADD CONSTRAINT "child_care_team_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "child_care_team_person_uq" ON "child_care_team" USING btree ("child_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "child_care_team_key_uq" ON "child_care_team" USING btree ("child_id") WHERE "is_key_coordinator";--> statement-breakpoint
CREATE INDEX "child_care_team_person_idx" ON "child_care_team" USING btree ("person_id");
