CREATE TABLE "resource_search" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"municipality_code" char(6) NOT NULL,
	"area_codes" text[] NOT NULL,
	"type" text NOT NULL,
	"accepts" text[] NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"last_confirmed_at" timestamp with time zone,
	"name" text NOT NULL,
	"search_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resource_search" ADD CONSTRAINT "resource_search_service_id_resource_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."resource_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_search_municipality_idx" ON "resource_search" USING btree ("municipality_code","type");--> statement-breakpoint
CREATE INDEX "resource_search_type_idx" ON "resource_search" USING btree ("type","name");--> statement-breakpoint
CREATE INDEX "resource_search_prefecture_idx" ON "resource_search" USING btree ("prefecture_code","type","name");--> statement-breakpoint
CREATE INDEX "resource_search_name_idx" ON "resource_search" USING btree ("name");--> statement-breakpoint
CREATE INDEX "resource_search_accepts_idx" ON "resource_search" USING gin ("accepts");--> statement-breakpoint
CREATE INDEX "resource_search_area_idx" ON "resource_search" USING gin ("area_codes");--> statement-breakpoint
CREATE INDEX "resource_search_trgm_idx" ON "resource_search" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
-- Keep resource_search in step with resource_services: active listings only (decision 0009).
CREATE FUNCTION "resource_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM resource_search WHERE service_id = OLD.id;
    RETURN OLD;
  END IF;
  IF NEW.status <> 'active' THEN
    DELETE FROM resource_search WHERE service_id = NEW.id;
    RETURN NEW;
  END IF;
  INSERT INTO resource_search (service_id, prefecture_code, municipality_code, area_codes, type, accepts,
      min_age, max_age, last_confirmed_at, name, search_key)
    VALUES (NEW.id, NEW.prefecture_code, NEW.municipality_code, NEW.area_codes, NEW.type, NEW.accepts,
      NEW.min_age, NEW.max_age, NEW.last_confirmed_at, NEW.name, NEW.search_key)
  ON CONFLICT (service_id) DO UPDATE SET prefecture_code = EXCLUDED.prefecture_code,
    municipality_code = EXCLUDED.municipality_code, area_codes = EXCLUDED.area_codes, type = EXCLUDED.type,
    accepts = EXCLUDED.accepts, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age,
    last_confirmed_at = EXCLUDED.last_confirmed_at, name = EXCLUDED.name, search_key = EXCLUDED.search_key;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "resource_search_sync" AFTER INSERT OR UPDATE OR DELETE ON "resource_services"
  FOR EACH ROW EXECUTE FUNCTION "resource_search_sync"();
--> statement-breakpoint
INSERT INTO "resource_search" SELECT "id", "prefecture_code", "municipality_code", "area_codes", "type", "accepts",
    "min_age", "max_age", "last_confirmed_at", "name", "search_key"
  FROM "resource_services" WHERE "status" = 'active';
