ALTER TABLE "resource_search" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "resource_search" ADD COLUMN "longitude" double precision;--> statement-breakpoint
CREATE INDEX "resource_search_lat_lon_idx" ON "resource_search" USING btree ("latitude","longitude");--> statement-breakpoint
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
  -- The point of the primary location, when it is linked already (a new listing links it after this row).
  INSERT INTO resource_search (service_id, prefecture_code, municipality_code, area_codes, type, accepts,
      min_age, max_age, last_confirmed_at, name, search_key, latitude, longitude)
    SELECT NEW.id, NEW.prefecture_code, NEW.municipality_code, NEW.area_codes, NEW.type, NEW.accepts,
      coalesce(NEW.min_age, 0), coalesce(NEW.max_age, 200), NEW.last_confirmed_at, NEW.name, NEW.search_key,
      l.latitude, l.longitude
    FROM (SELECT 1) one
    LEFT JOIN resource_service_locations sl ON sl.service_id = NEW.id AND sl.is_primary
    LEFT JOIN resource_locations l ON l.id = sl.location_id
    LIMIT 1
  ON CONFLICT (service_id) DO UPDATE SET prefecture_code = EXCLUDED.prefecture_code,
    municipality_code = EXCLUDED.municipality_code, area_codes = EXCLUDED.area_codes, type = EXCLUDED.type,
    accepts = EXCLUDED.accepts, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age,
    last_confirmed_at = EXCLUDED.last_confirmed_at, name = EXCLUDED.name, search_key = EXCLUDED.search_key,
    latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "resource_search_place"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'resource_locations' THEN
    UPDATE resource_search s SET latitude = NEW.latitude, longitude = NEW.longitude
      FROM resource_service_locations sl
      WHERE sl.location_id = NEW.id AND sl.is_primary AND s.service_id = sl.service_id;
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.is_primary THEN
    UPDATE resource_search SET latitude = NULL, longitude = NULL WHERE service_id = OLD.service_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.is_primary THEN
    UPDATE resource_search s SET latitude = l.latitude, longitude = l.longitude
      FROM resource_locations l WHERE l.id = NEW.location_id AND s.service_id = NEW.service_id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "resource_search_location_point" AFTER UPDATE OF "latitude", "longitude" ON "resource_locations"
  FOR EACH ROW EXECUTE FUNCTION "resource_search_place"();
--> statement-breakpoint
CREATE TRIGGER "resource_search_service_location" AFTER INSERT OR UPDATE OR DELETE ON "resource_service_locations"
  FOR EACH ROW EXECUTE FUNCTION "resource_search_place"();
--> statement-breakpoint
UPDATE "resource_search" s SET "latitude" = l."latitude", "longitude" = l."longitude"
  FROM "resource_service_locations" sl JOIN "resource_locations" l ON l."id" = sl."location_id"
  WHERE sl."service_id" = s."service_id" AND sl."is_primary";
