import {
  char,
  doublePrecision,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** What a place is: a family types a municipality, a 町字, a station or a landmark. */
export const PLACE_KINDS = ['municipality', 'town', 'station', 'landmark'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
/** Where a row came from: the reference points, the directory's own listings, a centre's import. */
export const PLACE_SOURCES = ['reference', 'listings', 'import'] as const;
export type PlaceSource = (typeof PLACE_SOURCES)[number];

/**
 * The gazetteer of the public resource search (migration 0044): place names with their municipality and,
 * when known, a point. Public facts, not personal data; not scoped beyond its prefecture.
 */
export const places = pgTable(
  'places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 }).notNull(),
    municipalityCode: char('municipality_code', { length: 6 }).notNull(),
    kind: text('kind').$type<PlaceKind>().notNull(),
    name: text('name').notNull(),
    kana: text('kana'),
    nameKey: text('name_key').notNull(),
    kanaKey: text('kana_key'),
    postalCode: char('postal_code', { length: 7 }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    source: text('source').$type<PlaceSource>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('places_identity_idx').on(t.municipalityCode, t.kind, t.name, t.source),
    index('places_name_key_idx').on(t.nameKey),
    index('places_kana_key_idx').on(t.kanaKey),
    index('places_postal_idx').on(t.postalCode),
    index('places_point_idx').on(t.prefectureCode, t.kind, t.latitude, t.longitude),
  ],
);
