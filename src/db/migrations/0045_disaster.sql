-- Disaster readiness (docs/disaster.md, decision 0029). Per child: the disaster profile (power and batteries, back-up
-- power, the electricity company's pre-registration, the municipality's 名簿 and individual evacuation plan as it
-- reports them, the intended evacuation, MEIS, drills, the emergency sheet and the family's confirmation of it),
-- its emergency contacts and its history; and the guardian's current decision on `disaster_planning`, kept by a
-- trigger on child_consents in the transaction that records the decision (as 0025 keeps share_municipality), so the
-- municipality's list and the outage list read a row instead of each child's consents.
CREATE TABLE "child_disaster_profiles" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"power_draw_watts" integer,
	"internal_battery_hours" numeric(4, 1),
	"external_battery_hours" numeric(5, 1),
	"spare_batteries" integer,
	"spare_battery_hours" numeric(5, 1),
	"battery_hours_total" numeric(6, 1) GENERATED ALWAYS AS (CASE WHEN internal_battery_hours IS NULL AND external_battery_hours IS NULL AND spare_battery_hours IS NULL
          THEN NULL ELSE coalesce(internal_battery_hours, 0) + coalesce(external_battery_hours, 0)
          + coalesce(spare_battery_hours, 0) END) STORED,
	"chargers" text,
	"backup_power" text[] DEFAULT '{}'::text[] NOT NULL,
	"backup_subsidised" boolean,
	"oxygen_supplier" text,
	"electricity_company" text,
	"electricity_registered" boolean,
	"electricity_registered_on" date,
	"on_meibo" boolean,
	"plan_status" text DEFAULT 'none' NOT NULL,
	"plan_reviewed_on" date,
	"plan_recorded_by" uuid,
	"plan_recorded_role" text,
	"plan_recorded_at" timestamp with time zone,
	"evacuation" text,
	"evacuation_note" text,
	"meis_registered" boolean,
	"drill_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"note" text,
	"sheet" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sheet_confirmed_on" date,
	"sheet_confirmed_by" text,
	"sheet_confirm_recorded_by" uuid,
	"sheet_confirm_recorded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_disaster_profiles_plan_ck" CHECK ("plan_status" IN ('none', 'drafting', 'agreed', 'reviewed')
          AND ("plan_status" <> 'reviewed' OR "plan_reviewed_on" IS NOT NULL)),
	CONSTRAINT "child_disaster_profiles_hours_ck" CHECK (coalesce("internal_battery_hours", 0) BETWEEN 0 AND 72
          AND coalesce("external_battery_hours", 0) BETWEEN 0 AND 168
          AND coalesce("spare_battery_hours", 0) BETWEEN 0 AND 168
          AND coalesce("power_draw_watts", 0) BETWEEN 0 AND 3000
          AND coalesce("spare_batteries", 0) BETWEEN 0 AND 50)
);
--> statement-breakpoint
ALTER TABLE "child_disaster_profiles" ADD CONSTRAINT "child_disaster_profiles_child_fk" FOREIGN KEY ("child_id") REFERENCES "children"("id");--> statement-breakpoint
ALTER TABLE "child_disaster_profiles" ADD CONSTRAINT "child_disaster_profiles_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "child_disaster_profiles" ADD CONSTRAINT "child_disaster_profiles_plan_by_fk" FOREIGN KEY ("plan_recorded_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "child_disaster_profiles" ADD CONSTRAINT "child_disaster_profiles_confirm_by_fk" FOREIGN KEY ("sheet_confirm_recorded_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "child_disaster_profiles" ADD CONSTRAINT "child_disaster_profiles_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE INDEX "child_disaster_profiles_battery_idx" ON "child_disaster_profiles" USING btree ("prefecture_code", "battery_hours_total");--> statement-breakpoint
CREATE TABLE "child_disaster_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"organisation" text,
	"phone" text,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_disaster_contacts" ADD CONSTRAINT "child_disaster_contacts_child_fk" FOREIGN KEY ("child_id") REFERENCES "children"("id");--> statement-breakpoint
CREATE INDEX "child_disaster_contacts_child_idx" ON "child_disaster_contacts" USING btree ("child_id", "position");--> statement-breakpoint
CREATE TABLE "child_disaster_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"child_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"role" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_disaster_history" ADD CONSTRAINT "child_disaster_history_child_fk" FOREIGN KEY ("child_id") REFERENCES "children"("id");--> statement-breakpoint
ALTER TABLE "child_disaster_history" ADD CONSTRAINT "child_disaster_history_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id");--> statement-breakpoint
CREATE INDEX "child_disaster_history_child_idx" ON "child_disaster_history" USING btree ("child_id", "at");--> statement-breakpoint
CREATE TABLE "child_disaster_consents" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"granted" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_disaster_consents" ADD CONSTRAINT "child_disaster_consents_child_fk" FOREIGN KEY ("child_id") REFERENCES "children"("id");--> statement-breakpoint
INSERT INTO "child_disaster_consents" ("child_id", "granted")
  SELECT DISTINCT ON (cc."child_id") cc."child_id", cc."granted" AND cc."withdrawn_on" IS NULL
  FROM "child_consents" cc WHERE cc."purpose" = 'disaster_planning'
  ORDER BY cc."child_id", cc."decided_on" DESC, cc."created_at" DESC;--> statement-breakpoint
CREATE FUNCTION "child_disaster_consents_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  relevant boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    relevant := NEW."purpose" = 'disaster_planning';
  ELSIF TG_OP = 'DELETE' THEN
    relevant := OLD."purpose" = 'disaster_planning';
  ELSE
    relevant := OLD."purpose" = 'disaster_planning' OR NEW."purpose" = 'disaster_planning';
  END IF;
  IF NOT relevant THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    ids := ARRAY[OLD."child_id"];
  ELSIF TG_OP = 'UPDATE' AND OLD."child_id" IS DISTINCT FROM NEW."child_id" THEN
    ids := ARRAY[OLD."child_id", NEW."child_id"];
  ELSE
    ids := ARRAY[NEW."child_id"];
  END IF;
  INSERT INTO "child_disaster_consents" AS d ("child_id", "granted", "updated_at")
    SELECT x.id, coalesce((
      SELECT cc."granted" AND cc."withdrawn_on" IS NULL FROM "child_consents" cc
      WHERE cc."child_id" = x.id AND cc."purpose" = 'disaster_planning'
      ORDER BY cc."decided_on" DESC, cc."created_at" DESC LIMIT 1), false), now()
    FROM unnest(ids) AS x(id)
  ON CONFLICT ("child_id") DO UPDATE SET "granted" = excluded."granted", "updated_at" = now()
    WHERE d."granted" IS DISTINCT FROM excluded."granted";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "child_disaster_consents_sync" AFTER INSERT OR UPDATE OR DELETE ON "child_consents"
  FOR EACH ROW EXECUTE FUNCTION "child_disaster_consents_sync"();
