import type { DbOrTx } from '../../db/client';
import type { PlaceKind } from '../../db/schema/places';
import { AppError } from '../../server/errors';
import { municipalOffice } from '../../shared/municipal-offices';
import { findMunicipality } from '../../shared/municipalities';
import { resolveMunicipalityFromAddress } from '../census/read/municipality';
import { choosePlace, distanceKm, type PlaceCandidate, townOf, UNRESOLVED_MESSAGE } from './place-names';
import { findPlaces, placeById } from './places';
import type { PublicSearch } from './search-sql';

/** The place a search resolved to, as the answer names it. */
export type ResolvedPlace = {
  id: string | null;
  name: string;
  kind: PlaceKind;
  municipalityCode: string;
  municipalityName: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** Where a search looks: a municipality, a point, both (a municipality with its reference point) or nowhere. */
export type Where =
  | { kind: 'open'; municipalityCode: string | null; near: { latitude: number; longitude: number } | null }
  | {
      kind: 'resolved';
      place: ResolvedPlace;
      /** A municipality search (listings in it or serving it) … */
      municipalityCode: string | null;
      /** … or a near search from the place's point. */
      near: { latitude: number; longitude: number } | null;
    }
  | { kind: 'choices'; choices: ResolvedPlace[] }
  | { kind: 'unresolved'; message: typeof UNRESOLVED_MESSAGE };

const nameOf = (code: string) => findMunicipality(code)?.name ?? null;

function asResolved(p: PlaceCandidate): ResolvedPlace {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    municipalityCode: p.municipalityCode,
    municipalityName: nameOf(p.municipalityCode),
    latitude: p.latitude,
    longitude: p.longitude,
  };
}

/** A place found in the gazetteer becomes a municipality search (a municipality, a point-less 町字) or a near search. */
function fromPlace(p: PlaceCandidate): Where {
  const place = asResolved(p);
  const point =
    p.latitude !== null && p.longitude !== null ? { latitude: p.latitude, longitude: p.longitude } : null;
  if (p.kind === 'municipality' || !point)
    return { kind: 'resolved', place, municipalityCode: p.municipalityCode, near: null };
  return { kind: 'resolved', place, municipalityCode: null, near: point };
}

/**
 * Resolves the search's place, in order: a place chosen among offered ones; a municipality code; the text as
 * a municipality name or address (then the 町字 it names, or the office, gives distances); the text as a
 * gazetteer place — exact name, then normalised (kana, width, ヶ, 駅 optional), then postal code. A name
 * found in several municipalities offers the choice; nothing found says what to type.
 */
export async function resolveWhere(
  db: DbOrTx,
  f: PublicSearch & { placeId?: string | undefined },
): Promise<Where> {
  if (f.placeId) {
    const p = await placeById(db, f.placeId);
    if (!p) throw new AppError('not_found');
    return fromPlace(p);
  }
  if (f.municipalityCode || !f.address) {
    return { kind: 'open', municipalityCode: f.municipalityCode ?? null, near: f.near ?? null };
  }
  const code = resolveMunicipalityFromAddress(f.address, f.prefecture);
  if (code) {
    const name = nameOf(code) ?? '';
    const town = townOf(f.address, name);
    const inTown = town
      ? (await findPlaces(db, town, code.slice(0, 2))).find(
          (p) => p.municipalityCode === code && p.kind === 'town' && p.latitude !== null,
        )
      : undefined;
    const office = municipalOffice(code);
    const place: ResolvedPlace = inTown
      ? asResolved(inTown)
      : {
          id: null,
          name,
          kind: 'municipality',
          municipalityCode: code,
          municipalityName: name,
          latitude: office?.latitude ?? null,
          longitude: office?.longitude ?? null,
        };
    return { kind: 'resolved', place, municipalityCode: code, near: null };
  }
  const chosen = choosePlace(await findPlaces(db, f.address, f.prefecture), f.address);
  if (chosen.kind === 'one') return fromPlace(chosen.place);
  if (chosen.kind === 'choices') return { kind: 'choices', choices: chosen.places.map(asResolved) };
  return { kind: 'unresolved', message: UNRESOLVED_MESSAGE };
}

/** Why a listing is in the results: near the place (with its distance), in the municipality, or serving it. */
export type MatchReason = {
  kind: 'near' | 'in' | 'serves';
  /** The place measured from (null: the searcher's own position). */
  from: string | null;
  municipalityName: string | null;
  distanceKm: number | null;
};

const roundKm = (km: number) => Math.round(km * 10) / 10;

/** 藤沢市 → 藤沢市役所, 寒川町 → 寒川町役場: what a municipality's reference point is. */
const officeName = (name: string) =>
  name.endsWith('市') || name.endsWith('区') ? `${name}役所` : `${name}役場`;

/** The reason for one listing of a search resolved to `where`. */
export function reasonFor(
  where: Where,
  item: {
    municipalityCode: string;
    latitude: number | null;
    longitude: number | null;
    distanceKm: number | null;
  },
): MatchReason | null {
  if (where.kind === 'choices' || where.kind === 'unresolved') return null;
  const place = where.kind === 'resolved' ? where.place : null;
  if (where.near) {
    return { kind: 'near', from: place?.name ?? null, municipalityName: null, distanceKm: item.distanceKm };
  }
  if (!where.municipalityCode) return null;
  const point =
    place && place.latitude !== null && place.longitude !== null
      ? { latitude: place.latitude, longitude: place.longitude }
      : null;
  const km =
    point && item.latitude !== null && item.longitude !== null
      ? roundKm(distanceKm(point, { latitude: item.latitude, longitude: item.longitude }))
      : null;
  return {
    kind: item.municipalityCode === where.municipalityCode ? 'in' : 'serves',
    from: km === null || !place ? null : place.kind === 'municipality' ? officeName(place.name) : place.name,
    municipalityName: nameOf(where.municipalityCode),
    distanceKm: km,
  };
}
