-- The page per municipality (市町村カルテ, docs/municipal-support.md §1). For each municipality of a prefecture:
-- the current value of each maturity item (own coordinator, council, core consultation centre, how children are
-- found, place in the welfare plan) and the named contact of each of the four divisions, each with where it came
-- from, the day it held and a version for optimistic locking; and every change to either, kept forever with who
-- made it, so the page shows each item's history and the prefecture view reads any 年度's state ("the newest
-- entry on or before the 年度's last day"). Written only through the municipalities module, audited in the same
-- transaction.
CREATE TABLE "municipal_maturity" (
	"municipality_code" char(6) NOT NULL,
	"item" text NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"status" text NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"source_note" text,
	"as_of" date NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "municipal_maturity_pk" PRIMARY KEY ("municipality_code", "item"),
	CONSTRAINT "municipal_maturity_item_ck" CHECK ("item" IN ('coordinator', 'council', 'core_centre', 'census_method', 'welfare_plan'))
);
--> statement-breakpoint
ALTER TABLE "municipal_maturity" ADD CONSTRAINT "municipal_maturity_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "municipal_maturity" ADD CONSTRAINT "municipal_maturity_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "municipal_maturity" ADD CONSTRAINT "municipal_maturity_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE INDEX "municipal_maturity_prefecture_idx" ON "municipal_maturity" ("prefecture_code");--> statement-breakpoint
CREATE TABLE "municipal_contacts" (
	"municipality_code" char(6) NOT NULL,
	"division" text NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"section_name" text NOT NULL,
	"person_name" text,
	"phone" text,
	"email" text,
	"note" text,
	"source" text NOT NULL,
	"source_note" text,
	"as_of" date NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "municipal_contacts_pk" PRIMARY KEY ("municipality_code", "division"),
	CONSTRAINT "municipal_contacts_division_ck" CHECK ("division" IN ('maternal_child_health', 'disability_welfare', 'childcare', 'education'))
);
--> statement-breakpoint
ALTER TABLE "municipal_contacts" ADD CONSTRAINT "municipal_contacts_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "municipal_contacts" ADD CONSTRAINT "municipal_contacts_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "municipal_contacts" ADD CONSTRAINT "municipal_contacts_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE TABLE "municipal_page_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"prefecture_code" char(2) NOT NULL,
	"municipality_code" char(6) NOT NULL,
	"subject" text NOT NULL,
	"item" text NOT NULL,
	"status" text,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact" jsonb,
	"note" text,
	"source" text NOT NULL,
	"source_note" text,
	"as_of" date NOT NULL,
	"version" integer NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_by_role" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipal_page_history_subject_ck" CHECK ("subject" IN ('maturity', 'contact')),
	CONSTRAINT "municipal_page_history_maturity_ck" CHECK ("subject" <> 'maturity' OR "status" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "municipal_page_history" ADD CONSTRAINT "municipal_page_history_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "municipal_page_history" ADD CONSTRAINT "municipal_page_history_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "municipal_page_history" ADD CONSTRAINT "municipal_page_history_changed_by_fk" FOREIGN KEY ("changed_by") REFERENCES "users"("id");--> statement-breakpoint
-- One item's history on the page (newest first).
CREATE INDEX "municipal_page_history_item_idx" ON "municipal_page_history" ("municipality_code", "subject", "item", "id");--> statement-breakpoint
-- The prefecture view of a 年度: the newest maturity entry per municipality and item on or before its last day.
CREATE INDEX "municipal_page_history_year_idx" ON "municipal_page_history" ("prefecture_code", "municipality_code", "item", "as_of" DESC, "id" DESC) WHERE "subject" = 'maturity';
--> statement-breakpoint
-- The page's figures at national scale: a municipality's consultations by 年度 and the trained coordinators
-- working there, each read by the municipality instead of scanning the prefecture.
CREATE INDEX "consultations_municipality_opened_idx" ON "consultations" ("prefecture_code", "municipality_code", "opened_on");--> statement-breakpoint
CREATE INDEX "learner_profiles_municipality_idx" ON "learner_profiles" ("municipality_code");
