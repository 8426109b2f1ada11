-- Engagements with municipalities (docs/municipal-support.md §2): hearing visits with their fixed items (MI-2),
-- four-division meetings (KU-2) and the municipal support log with its fixed analysis fields (MI-3), one row
-- each, planned or held, on a municipality of the prefecture. Any row can be marked a good example. Each
-- municipality's four-division meeting cycle (every 3–4 months unless set otherwise) and who keeps it live in
-- engagement_cadences. Written only through the engagements module, within the writer's area, under optimistic
-- locking, and audited in the same transaction.
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"municipality_code" char(6) NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"occurred_on" date NOT NULL,
	"subject" text NOT NULL,
	"place" text,
	"attendees" text,
	"divisions" text[] DEFAULT '{}' NOT NULL,
	"hearing" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text,
	"life_element" text,
	"request" text,
	"assessment" text,
	"approach" text,
	"municipal_action" text,
	"outcome" text,
	"analysis_notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"good_example" boolean DEFAULT false NOT NULL,
	"good_example_uses" text[] DEFAULT '{}' NOT NULL,
	"good_example_note" text,
	"recorded_by" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "engagements_kind_ck" CHECK ("kind" IN ('hearing', 'four_division', 'support')),
	CONSTRAINT "engagements_status_ck" CHECK ("status" IN ('planned', 'held'))
);
--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_recorded_by_fk" FOREIGN KEY ("recorded_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE INDEX "engagements_municipality_idx" ON "engagements" ("prefecture_code", "municipality_code", "occurred_on");--> statement-breakpoint
CREATE INDEX "engagements_kind_date_idx" ON "engagements" ("prefecture_code", "kind", "occurred_on");--> statement-breakpoint
CREATE INDEX "engagements_good_example_idx" ON "engagements" ("prefecture_code", "occurred_on") WHERE "good_example";--> statement-breakpoint
CREATE TABLE "engagement_cadences" (
	"municipality_code" char(6) PRIMARY KEY NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"min_months" integer DEFAULT 3 NOT NULL,
	"max_months" integer DEFAULT 4 NOT NULL,
	"owner_user_id" uuid,
	"note" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "engagement_cadences_months_ck" CHECK ("min_months" >= 1 AND "max_months" >= "min_months" AND "max_months" <= 24)
);
--> statement-breakpoint
ALTER TABLE "engagement_cadences" ADD CONSTRAINT "engagement_cadences_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "engagement_cadences" ADD CONSTRAINT "engagement_cadences_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code");--> statement-breakpoint
ALTER TABLE "engagement_cadences" ADD CONSTRAINT "engagement_cadences_owner_fk" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "engagement_cadences" ADD CONSTRAINT "engagement_cadences_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");
