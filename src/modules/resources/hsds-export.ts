import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { prefectures, resourceLocations, resourceServices } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { WEEKDAYS } from '../../shared/vocab/resources';
import type { exportServices } from './export';
import { childId, hsdsIdOf, termId } from './hsds-ids';
import {
  type DetailTerm,
  HSDS_PROFILE,
  HSDS_VERSION,
  LINK_TYPES,
  profileTaxonomies,
  STATUS_TO_HSDS,
} from './hsds-profile';
import type { HsdsExport } from './schemas-hsds';

/**
 * The directory as HSDS 3.0 (decision 0013): every object valid against the official schema of its table
 * (standards/hsds-3.0/, checked row by row in hsds-export.db.test.ts). Ids are UUIDs stable across exports
 * (hsds-ids.ts); absent values are left out; times carry +09:00; Japanese details are attributes of the
 * profile's taxonomies (hsds-profile.ts), which the export publishes with their terms.
 */

type Exported = Awaited<ReturnType<typeof exportServices>>;

export type HsdsSource = Exported & {
  /** HSDS ids kept from an import, by our id (the rest are derived). */
  serviceHsdsIds: Map<string, string>;
  locationHsdsIds: Map<string, string>;
  prefectureName: string;
};

/** What {@link hsdsExport} needs besides the listings: kept HSDS ids and the prefecture's name. */
export async function hsdsSource(db: DbOrTx, prefectureCode: string, data: Exported): Promise<HsdsSource> {
  const kept = async (t: typeof resourceServices | typeof resourceLocations) =>
    new Map(
      (
        await db
          .select({ id: t.id, hsdsId: t.hsdsId })
          .from(t)
          .where(and(eq(t.prefectureCode, prefectureCode), isNotNull(t.hsdsId)))
      ).map((r) => [r.id, r.hsdsId!]),
    );
  const [p] = await db
    .select({ name: prefectures.name })
    .from(prefectures)
    .where(eq(prefectures.code, prefectureCode));
  return {
    ...data,
    serviceHsdsIds: await kept(resourceServices),
    locationHsdsIds: await kept(resourceLocations),
    prefectureName: p?.name ?? '',
  };
}

/** A value or nothing: HSDS leaves absent values out rather than writing null. */
const opt = <T>(v: T | null | undefined): T | undefined => v ?? undefined;
const text = (v: string | null | undefined): string | undefined => (v?.trim() ? v : undefined);

/** A local time of day in Japan as HSDS wants it: with its offset. */
export const withJst = (t: string | null | undefined) => (t ? `${t}+09:00` : undefined);

/** The HSDS document of the listings (pure). */
export function hsdsExport(src: HsdsSource, now: Date): HsdsExport {
  const out: HsdsExport = {
    hsds_version: HSDS_VERSION,
    profile: HSDS_PROFILE,
    generated_at: now.toISOString(),
    organizations: [],
    services: [],
    locations: [],
    service_at_locations: [],
    schedules: [],
    service_areas: [],
    attributes: [],
    ...profileTaxonomies(),
  };
  const orgIds = new Map(src.orgs.map((o) => [o.id, hsdsIdOf('organization', o)]));
  for (const o of src.orgs) {
    const id = orgIds.get(o.id)!;
    out.organizations.push({
      id,
      name: o.name,
      alternate_name: text(o.kana),
      // Required by HSDS: the name stands in when there is no description.
      description: text(o.description) ?? o.name,
      email: text(o.email),
      website: text(o.website),
      phones: o.phone ? [{ id: childId(id, 'phone'), organization_id: id, number: o.phone }] : [],
    });
  }
  out.organizations.sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
  const seenLocations = new Set<string>();
  for (const s of src.services) {
    const id = hsdsIdOf('service', { id: s.id, hsdsId: src.serviceHsdsIds.get(s.id) });
    const orgId = orgIds.get(s.organizationId) ?? hsdsIdOf('organization', { id: s.organizationId });
    out.services.push({
      id,
      organization_id: orgId,
      name: s.name,
      alternate_name: text(s.kana),
      description: text(s.description),
      url: text(s.website),
      email: text(s.email),
      status: STATUS_TO_HSDS[s.status],
      application_process: text(s.howToApply),
      fees_description: text(s.feesDescription),
      eligibility_description: text(s.eligibilityDescription),
      minimum_age: opt(s.minAge),
      maximum_age: opt(s.maxAge),
      assured_date: s.lastConfirmed ? isoDateInJapan(new Date(s.lastConfirmed.at)) : undefined,
      alert: s.stale ? '12か月以上確認されていません / not confirmed for 12 months' : undefined,
      last_modified: s.updatedAt,
      phones: s.phone ? [{ id: childId(id, 'phone'), service_id: id, number: s.phone }] : [],
    });

    const loc = s.location;
    const locId = hsdsIdOf('location', { id: loc.id, hsdsId: src.locationHsdsIds.get(loc.id) });
    if (!seenLocations.has(locId)) {
      seenLocations.add(locId);
      out.locations.push({
        id: locId,
        location_type: 'physical',
        organization_id: orgId,
        name: text(loc.name),
        latitude: opt(loc.latitude),
        longitude: opt(loc.longitude),
        external_identifier: loc.municipalityCode,
        external_identifier_type: '全国地方公共団体コード',
        addresses: loc.address
          ? [
              {
                id: childId(locId, 'address'),
                location_id: locId,
                address_1: loc.address,
                city: loc.municipalityName ?? '',
                state_province: src.prefectureName,
                postal_code: loc.postalCode ?? '',
                country: 'JP',
                address_type: 'physical',
              },
            ]
          : [],
      });
    }
    out.service_at_locations.push({ id: childId(id, `at/${locId}`), service_id: id, location_id: locId });

    s.schedules.forEach((sc, i) => {
      out.schedules.push({
        id: childId(id, `schedule/${i}`),
        service_id: id,
        freq: 'WEEKLY',
        byday: [...sc.byday].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b)).join(','),
        opens_at: withJst(sc.opensAt),
        closes_at: withJst(sc.closesAt),
        timezone: 9,
        description: text(sc.note),
      });
    });

    // The location's municipality first, then the others served (each once).
    const areas = new Map([[loc.municipalityCode, loc.municipalityName]]);
    for (const a of s.serviceAreas)
      if (!areas.has(a.municipalityCode)) areas.set(a.municipalityCode, a.municipalityName);
    for (const [code, name] of areas) {
      const areaId = childId(id, `area/${code}`);
      out.service_areas.push({
        id: areaId,
        service_id: id,
        name: opt(name),
        extent: code,
        extent_type: 'text',
      });
      out.attributes.push({
        id: childId(areaId, 'municipality'),
        link_id: areaId,
        link_type: LINK_TYPES.municipality,
        link_entity: 'service_area',
        taxonomy_term_id: termId('service-detail', 'municipality_code'),
        value: code,
      });
    }

    const attr = (path: string, linkType: string, term: string, value: string | undefined) =>
      out.attributes.push({
        id: childId(id, path),
        link_id: id,
        link_type: linkType,
        link_entity: 'service',
        taxonomy_term_id: term,
        value,
      });
    attr('service-type', LINK_TYPES.serviceType, termId('service-type', s.type), s.type);
    for (const c of s.careItems) {
      const term = termId('care-item', c.code);
      attr(`care-item/${c.code}`, LINK_TYPES.careAcceptance, term, c.acceptance);
      if (c.conditions) attr(`care-item/${c.code}/conditions`, LINK_TYPES.careConditions, term, c.conditions);
    }
    const details: [DetailTerm, string | number | boolean | null][] = [
      ['office_number', s.officeNumber],
      ['transport', s.transport],
      ['transport_note', text(s.transportNote) ?? null],
      ['bathing', s.bathing],
      ['bathing_note', text(s.bathingNote) ?? null],
      ['capacity', s.capacity],
      ['vacancy', s.vacancy],
      ['capacity_updated_at', s.capacityUpdatedAt],
      ['confirmed_at', s.lastConfirmed?.at ?? null],
      ['disaster_note', text(s.disasterNote) ?? null],
    ];
    for (const [code, v] of details) {
      if (v !== null) attr(`detail/${code}`, LINK_TYPES.detail, termId('service-detail', code), String(v));
    }
    for (const k of s.disasterSupport)
      attr(`disaster-support/${k}`, LINK_TYPES.disasterSupport, termId('disaster-support', k), 'true');
  }
  return out;
}
