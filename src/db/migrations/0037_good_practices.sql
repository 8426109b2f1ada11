-- The good-practice library (docs/knowledge.md §4, issue practices NA-2, MI-3, KU-4): anonymised stories of how
-- a municipality, an organisation or a team solved a problem, written from a consultation, an engagement or a
-- council meeting (named by kind and id, without a foreign key: the source's module decides who may see it).
-- A story is a draft, checked for personal data by a second person, then published to every staff user of the
-- prefecture; drafts stay within the story's area (region, optionally one municipality). search_text holds the
-- normalised title, summary and body for pg_trgm (similar to consultations.search_text). Written only through
-- the good-practices module under optimistic locking and audited in the same transaction.
CREATE TABLE "good_practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_code" char(6),
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"life_elements" text[] DEFAULT '{}' NOT NULL,
	"requests" text[] DEFAULT '{}' NOT NULL,
	"municipal_actions" text[] DEFAULT '{}' NOT NULL,
	"life_stages" text[] DEFAULT '{}' NOT NULL,
	"care_items" text[] DEFAULT '{}' NOT NULL,
	"solver_municipality_code" char(6),
	"solver_organisation_id" uuid,
	"solver_text" text,
	"contact_person_id" uuid,
	"contact_consent_on" date,
	"contact_note" text,
	"solved_on" date,
	"source_kind" text,
	"source_id" uuid,
	"search_text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"check_confirmations" text[] DEFAULT '{}' NOT NULL,
	"acknowledged_flags" text[] DEFAULT '{}' NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "good_practices_status_ck" CHECK ("status" IN ('draft', 'checked', 'published')),
	CONSTRAINT "good_practices_source_ck" CHECK (("source_kind" IS NULL) = ("source_id" IS NULL) AND ("source_kind" IS NULL OR "source_kind" IN ('consultation', 'engagement', 'council_meeting'))),
	CONSTRAINT "good_practices_contact_ck" CHECK ("contact_person_id" IS NULL OR "contact_consent_on" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_region_fk" FOREIGN KEY ("region_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_solver_municipality_fk" FOREIGN KEY ("solver_municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_solver_organisation_fk" FOREIGN KEY ("solver_organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_contact_person_fk" FOREIGN KEY ("contact_person_id") REFERENCES "people"("id");--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_author_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_checked_by_fk" FOREIGN KEY ("checked_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_published_by_fk" FOREIGN KEY ("published_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE INDEX "good_practices_area_idx" ON "good_practices" ("prefecture_code", "region_id", "municipality_code");--> statement-breakpoint
CREATE INDEX "good_practices_published_idx" ON "good_practices" ("prefecture_code", "published_at") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "good_practices_source_idx" ON "good_practices" ("source_kind", "source_id");--> statement-breakpoint
CREATE INDEX "good_practices_search_trgm_idx" ON "good_practices" USING gin ("search_text" gin_trgm_ops);
