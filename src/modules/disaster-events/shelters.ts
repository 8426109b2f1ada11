/**
 * Shelters and admissions (docs/disaster.md §6): the directory's listings that offer something in a disaster — a
 * welfare shelter with power, pre-emptive (respite) admission, a charging point — located in or serving the
 * chosen municipalities. The offer is an attribute of the listing (resource_services.disaster_support, kept with
 * the listing by the resources module); the directory holds no personal data.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import type { DisasterSupport } from '../../shared/vocab/disaster-events';
import { textArray } from './outage';

export type ShelterRow = {
  serviceId: string;
  name: string;
  organizationName: string;
  type: string;
  support: DisasterSupport[];
  note: string | null;
  phone: string | null;
  address: string | null;
  municipalityCode: string;
  municipalityName: string;
  /** True when it lies in one of the chosen municipalities (not only serving them). */
  inArea: boolean;
};

export async function sheltersFor(
  db: DbOrTx,
  prefectureCode: string,
  codes: string[],
  kind: DisasterSupport | null,
): Promise<ShelterRow[]> {
  if (!codes.length) return [];
  const list = textArray(codes);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select s.id, s.name, o.name as organization_name, s.type, s.disaster_support, s.disaster_note, s.phone,
             l.address, s.municipality_code, m.name as municipality_name,
             (s.municipality_code = any(${list}::bpchar[])) as in_area
      from resource_services s
      join resource_organizations o on o.id = s.organization_id
      join municipalities m on m.code = s.municipality_code
      left join lateral (select rl.address from resource_service_locations sl
                         join resource_locations rl on rl.id = sl.location_id
                         where sl.service_id = s.id order by sl.is_primary desc limit 1) l on true
      where s.prefecture_code = ${prefectureCode} and s.status = 'active'
        and cardinality(s.disaster_support) > 0
        and (s.municipality_code = any(${list}::bpchar[]) or s.area_codes && ${list}::text[])
        ${kind ? sql`and ${kind} = any(s.disaster_support)` : sql``}
      order by (s.municipality_code = any(${list}::bpchar[])) desc, s.municipality_code, s.name
      limit 200`),
  );
  return rows.map((r) => ({
    serviceId: String(r.id),
    name: String(r.name),
    organizationName: String(r.organization_name),
    type: String(r.type),
    support: (r.disaster_support as DisasterSupport[]) ?? [],
    note: (r.disaster_note as string | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    municipalityCode: String(r.municipality_code),
    municipalityName: String(r.municipality_name),
    inArea: Boolean(r.in_area),
  }));
}
