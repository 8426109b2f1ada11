import { DISASTER_SUPPORTS, type DisasterSupport } from '../../shared/vocab/disaster-events';
import { ACCEPTANCES, type Acceptance, type ServiceType } from '../../shared/vocab/resources';
import { type At, type Issues, integer, invalid } from './hsds-fields';
import type { HsdsListing } from './hsds-import';
import { type DetailTerm, LINK_TYPES, TERM_BY_ID } from './hsds-profile';
import type { Obj } from './hsds-read';
import type { CareAcceptance } from './schemas-common';
import { normaliseCareItems } from './text';

/**
 * The profile's attributes of one service read back (hsds-profile.ts): its service type, acceptance and
 * conditions per care item, and the details HSDS has no field for. Attributes of other taxonomies are left
 * alone. Pure.
 */

const bool = (v: string, at: At, field: string) => {
  if (v === 'true' || v === 'false') return v === 'true';
  invalid(at, field, v, 'true または false', 'true or false');
  return null;
};

const instant = (v: string, at: At, field: string) => {
  if (!Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v)) return new Date(v).toISOString();
  invalid(at, field, v, 'ISO 8601 の日時', 'an ISO 8601 date and time');
  return null;
};

const DISASTER_TERMS = DISASTER_SUPPORTS.join(' / ');

/** The profile's attributes of one service: type, care items, details, disaster support. */
export function readAttributes(l: HsdsListing, attrs: { row: number; o: Obj }[], issues: Issues) {
  const care = new Map<string, CareAcceptance>();
  const conditions = new Map<string, string>();
  const disaster = new Set<DisasterSupport>();
  for (const { row, o } of attrs) {
    const term =
      typeof o.taxonomy_term_id === 'string' ? TERM_BY_ID.get(o.taxonomy_term_id.toLowerCase()) : undefined;
    const at = { table: 'attributes', row, service: l.hsdsId, issues };
    if (o.link_type === LINK_TYPES.disasterSupport && term?.taxonomy !== 'disaster-support') {
      // Our link type says "disaster support", so a term we do not know is a mistake, not another taxonomy.
      invalid(
        at,
        'taxonomy_term_id',
        o.taxonomy_term_id,
        `災害時の受け入れ（disaster-support）の用語ではありません。使える用語: ${DISASTER_TERMS}`,
        `not a term of the disaster-support taxonomy; the terms are ${DISASTER_TERMS}`,
      );
      continue;
    }
    if (!term) continue; // another taxonomy: nothing of ours to read
    const value = typeof o.value === 'string' ? o.value.trim() : o.value === undefined ? '' : String(o.value);
    if (term.taxonomy === 'service-type') l.type = term.code as ServiceType;
    else if (term.taxonomy === 'disaster-support') {
      if (value === 'true') disaster.add(term.code as DisasterSupport);
      else if (value !== 'false')
        invalid(
          at,
          'value',
          value,
          `true（受け入れる）または false（受け入れない）: ${term.name}`,
          `true (offered) or false (not offered): ${term.code}`,
        );
    } else if (term.taxonomy === 'care-item') {
      if (o.link_type === LINK_TYPES.careConditions) {
        if (value.length > 500) invalid(at, 'value', value, '500文字まで', 'at most 500 characters');
        else conditions.set(term.code, value);
      } else if ((ACCEPTANCES as readonly string[]).includes(value))
        care.set(term.code, { code: term.code as CareAcceptance['code'], acceptance: value as Acceptance });
      else invalid(at, 'value', value, ACCEPTANCES.join(' / '), ACCEPTANCES.join(' / '));
    } else readDetail(l, term.code as DetailTerm, value, at);
  }
  for (const [code, c] of conditions) {
    const item = care.get(code);
    if (item) item.conditions = c;
  }
  l.careItems = normaliseCareItems([...care.values()]);
  l.disasterSupport = [...disaster].sort();
}

function readDetail(l: HsdsListing, code: DetailTerm, value: string, at: At) {
  const note = (v: string) => {
    if (v.length <= 500) return v || null;
    invalid(at, 'value', v, '500文字まで', 'at most 500 characters');
    return null;
  };
  switch (code) {
    case 'office_number':
      if (/^[0-9A-Za-z]{1,20}$/.test(value)) l.officeNumber = value;
      else
        invalid(
          at,
          'value',
          value,
          '事業所番号（英数字20文字まで）',
          'office number, up to 20 letters or digits',
        );
      return;
    case 'transport':
      l.transport = bool(value, at, 'value');
      return;
    case 'bathing':
      l.bathing = bool(value, at, 'value');
      return;
    case 'transport_note':
      l.transportNote = note(value);
      return;
    case 'bathing_note':
      l.bathingNote = note(value);
      return;
    case 'disaster_note':
      l.disasterNote = note(value);
      return;
    case 'capacity':
      l.capacity = integer(value, 'value', 0, 100_000, at);
      return;
    case 'vacancy':
      l.vacancy = integer(value, 'value', 0, 100_000, at);
      return;
    case 'capacity_updated_at':
      l.capacityUpdatedAt = instant(value, at, 'value');
      return;
    case 'confirmed_at':
      l.confirmedAt = instant(value, at, 'value');
      return;
    case 'municipality_code':
      return; // read with the service areas
  }
}
