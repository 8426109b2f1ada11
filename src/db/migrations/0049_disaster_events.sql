-- Declared disaster events (break-glass), the safety checks of an outage list (安否確認), the openings of named
-- records under an event, and the directory's disaster attributes (docs/disaster.md §4–6, decision 0031).
CREATE TABLE "disaster_events" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "prefecture_code" char(2) NOT NULL REFERENCES "prefectures"("code"),
  "title" text NOT NULL,
  "reason" text NOT NULL,
  -- The areas as declared (regions are expanded into their municipalities at declaration).
  "municipality_codes" text[] NOT NULL,
  "region_ids" uuid[] NOT NULL DEFAULT '{}',
  -- The designated responders: the only users who may open a record beyond the usual consent, with a reason.
  "responder_user_ids" uuid[] NOT NULL DEFAULT '{}',
  "starts_at" timestamp with time zone NOT NULL,
  "ends_at" timestamp with time zone NOT NULL,
  "ended_early_at" timestamp with time zone,
  "ended_by" uuid REFERENCES "users"("id"),
  "declared_by" uuid NOT NULL REFERENCES "users"("id"),
  "declared_at" timestamp with time zone NOT NULL,
  "review_signed_off_by" uuid REFERENCES "users"("id"),
  "review_signed_off_at" timestamp with time zone,
  "review_comment" text,
  "version" integer NOT NULL DEFAULT 1,
  CONSTRAINT "disaster_events_period_ck" CHECK ("ends_at" > "starts_at"),
  CONSTRAINT "disaster_events_areas_ck" CHECK (cardinality("municipality_codes") > 0)
);
--> statement-breakpoint
CREATE INDEX "disaster_events_prefecture_idx" ON "disaster_events" ("prefecture_code", "starts_at");
--> statement-breakpoint
CREATE TABLE "disaster_event_openings" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "prefecture_code" char(2) NOT NULL REFERENCES "prefectures"("code"),
  "event_id" uuid NOT NULL REFERENCES "disaster_events"("id"),
  "child_id" uuid NOT NULL REFERENCES "children"("id"),
  "user_id" uuid NOT NULL REFERENCES "users"("id"),
  "reason" text NOT NULL,
  "opened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disaster_event_openings_event_idx" ON "disaster_event_openings" ("event_id", "opened_at");
--> statement-breakpoint
CREATE INDEX "disaster_event_openings_user_idx" ON "disaster_event_openings" ("event_id", "user_id", "child_id");
--> statement-breakpoint
CREATE TABLE "disaster_safety_checks" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "prefecture_code" char(2) NOT NULL REFERENCES "prefectures"("code"),
  "child_id" uuid NOT NULL REFERENCES "children"("id"),
  "event_id" uuid REFERENCES "disaster_events"("id"),
  "checked_at" timestamp with time zone NOT NULL,
  "caller_user_id" uuid NOT NULL REFERENCES "users"("id"),
  "caller_name" text NOT NULL,
  "result" text NOT NULL CHECK ("result" IN ('safe', 'needs_help', 'unreachable')),
  "help_needed" text,
  "note" text,
  "created_at" timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX "disaster_safety_checks_child_idx" ON "disaster_safety_checks" ("child_id", "checked_at");
--> statement-breakpoint
ALTER TABLE "resource_services" ADD COLUMN "disaster_support" text[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE "resource_services" ADD COLUMN "disaster_note" text;
--> statement-breakpoint
CREATE INDEX "resource_services_disaster_idx" ON "resource_services" ("prefecture_code", "municipality_code")
  WHERE cardinality("disaster_support") > 0;
