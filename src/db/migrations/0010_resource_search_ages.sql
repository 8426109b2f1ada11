-- The search table keeps effective age bounds (unknown lower = 0, unknown upper = 200, above any age asked), so "serves age a" is
-- min_age <= a AND max_age >= a — a range on the (type, min_age, max_age) index (decision 0009).
CREATE OR REPLACE FUNCTION "resource_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
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
      coalesce(NEW.min_age, 0), coalesce(NEW.max_age, 200), NEW.last_confirmed_at, NEW.name, NEW.search_key)
  ON CONFLICT (service_id) DO UPDATE SET prefecture_code = EXCLUDED.prefecture_code,
    municipality_code = EXCLUDED.municipality_code, area_codes = EXCLUDED.area_codes, type = EXCLUDED.type,
    accepts = EXCLUDED.accepts, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age,
    last_confirmed_at = EXCLUDED.last_confirmed_at, name = EXCLUDED.name, search_key = EXCLUDED.search_key;
  RETURN NEW;
END $$;
--> statement-breakpoint
UPDATE "resource_search" SET "min_age" = coalesce("min_age", 0), "max_age" = coalesce("max_age", 200)
  WHERE "min_age" IS NULL OR "max_age" IS NULL;
--> statement-breakpoint
CREATE INDEX "resource_search_type_age_idx" ON "resource_search" USING btree ("type","min_age","max_age");
