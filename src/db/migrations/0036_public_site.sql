-- The centre's public site (docs/knowledge.md §3): pages the centre writes in Markdown — fixed kinds (what the
-- centre does, the three tiers, FAQ, news and events, privacy notice), free pages and emergency notices shown on
-- every public page between their start and end — in Japanese, English and やさしい日本語, draft or published,
-- under a version for optimistic locking; every saved version kept with who saved it and in which role; and for
-- each municipality the centre's choice of which of its four divisions' contacts is the public first window and
-- which coordinator of the network is named (MI-8). The contacts themselves are read live from the municipality
-- pages (municipal_contacts), so the public list never holds a copy that could go stale.
CREATE TABLE "public_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"title_easy" text DEFAULT '' NOT NULL,
	"body_ja" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"body_easy" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_pages_kind_ck" CHECK ("kind" IN ('about', 'tiers', 'faq', 'news', 'privacy', 'free', 'emergency')),
	CONSTRAINT "public_pages_status_ck" CHECK ("status" IN ('draft', 'published')),
	CONSTRAINT "public_pages_window_ck" CHECK ("starts_at" IS NULL OR "ends_at" IS NULL OR "ends_at" > "starts_at")
);
--> statement-breakpoint
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_pages_slug_idx" ON "public_pages" ("prefecture_code", "slug");--> statement-breakpoint
CREATE UNIQUE INDEX "public_pages_fixed_kind_idx" ON "public_pages" ("prefecture_code", "kind") WHERE "kind" NOT IN ('free', 'emergency');--> statement-breakpoint
CREATE INDEX "public_pages_notice_idx" ON "public_pages" ("prefecture_code", "ends_at") WHERE "kind" = 'emergency' AND "status" = 'published';--> statement-breakpoint
CREATE TABLE "public_page_versions" (
	"page_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"title_easy" text NOT NULL,
	"body_ja" text NOT NULL,
	"body_en" text NOT NULL,
	"body_easy" text NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"edited_by" uuid NOT NULL,
	"edited_by_role" text NOT NULL,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_page_versions_pk" PRIMARY KEY ("page_id", "version")
);
--> statement-breakpoint
ALTER TABLE "public_page_versions" ADD CONSTRAINT "public_page_versions_page_fk" FOREIGN KEY ("page_id") REFERENCES "public_pages"("id");--> statement-breakpoint
ALTER TABLE "public_page_versions" ADD CONSTRAINT "public_page_versions_edited_by_fk" FOREIGN KEY ("edited_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE TABLE "public_first_windows" (
	"municipality_code" char(6) PRIMARY KEY NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"division" text NOT NULL,
	"coordinator_person_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_first_windows_division_ck" CHECK ("division" IN ('maternal_child_health', 'disability_welfare', 'childcare', 'education'))
);
--> statement-breakpoint
ALTER TABLE "public_first_windows" ADD CONSTRAINT "public_first_windows_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "public_first_windows" ADD CONSTRAINT "public_first_windows_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "public_first_windows" ADD CONSTRAINT "public_first_windows_person_fk" FOREIGN KEY ("coordinator_person_id") REFERENCES "people"("id");--> statement-breakpoint
ALTER TABLE "public_first_windows" ADD CONSTRAINT "public_first_windows_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE INDEX "public_first_windows_prefecture_idx" ON "public_first_windows" ("prefecture_code");
