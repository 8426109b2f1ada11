-- The gazetteer of the public resource search: place names a family types (municipality, 町字, station,
-- landmark, postal code), each with its municipality and, when known, a point. Filled offline from the
-- municipalities' reference points, the directory's own listings (町字 of their addresses, the centroid of
-- their points) and files a centre imports. Public facts, not personal data.
CREATE TABLE "places" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "prefecture_code" char(2) NOT NULL,
  "municipality_code" char(6) NOT NULL,
  "kind" text NOT NULL CHECK ("kind" IN ('municipality', 'town', 'station', 'landmark')),
  "name" text NOT NULL,
  "kana" text,
  -- Normalised keys (NFKC, no spaces, hiragana, ヶ/ケ/が alike, no trailing 駅): what a search compares.
  "name_key" text NOT NULL,
  "kana_key" text,
  "postal_code" char(7),
  "latitude" double precision,
  "longitude" double precision,
  "source" text NOT NULL CHECK ("source" IN ('reference', 'listings', 'import')),
  "updated_at" timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX "places_identity_idx" ON "places" ("municipality_code", "kind", "name", "source");
--> statement-breakpoint
CREATE INDEX "places_name_key_idx" ON "places" ("name_key");
--> statement-breakpoint
CREATE INDEX "places_kana_key_idx" ON "places" ("kana_key");
--> statement-breakpoint
CREATE INDEX "places_postal_idx" ON "places" ("postal_code");
--> statement-breakpoint
CREATE INDEX "places_point_idx" ON "places" ("prefecture_code", "kind", "latitude", "longitude");
