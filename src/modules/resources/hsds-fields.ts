import { findMunicipality } from '../../shared/municipalities';
import { WEEKDAYS } from '../../shared/vocab/resources';
import { resolveMunicipalityFromAddress } from '../census/read/municipality';
import { isUuidText } from './hsds-ids';
import type { Obj } from './hsds-read';
import type { OpenDataIssue } from './open-data';

/**
 * Field readers of the HSDS import, pure: each reads one member of an HSDS object, and when it is not what
 * the directory can keep, adds a row-level issue in Japanese and English naming the table, row and field.
 */

export type Issue = OpenDataIssue & { serviceKey: string | null };

export class Issues {
  readonly list: Issue[] = [];
  /** Services (by HSDS id) with at least one issue. */
  readonly services = new Set<string>();

  add(table: string, row: number, field: string | null, ja: string, en: string, serviceKey: unknown = null) {
    const key = typeof serviceKey === 'string' ? serviceKey : null;
    this.list.push({ row, column: field ? `${table}.${field}` : table, ja, en, serviceKey: key });
    if (key) this.services.add(key);
  }
}

/** Where a field is read: the table, the row, and the service the row belongs to (to mark it in error). */
export type At = { table: string; row: number; service: unknown; issues: Issues };

const shown = (v: unknown) => {
  const s = typeof v === 'string' ? v : v === undefined ? '—' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};

export function missing(at: At, field: string) {
  at.issues.add(at.table, at.row, field, `「${field}」がありません。`, `${field} is missing.`, at.service);
}

export function invalid(at: At, field: string, v: unknown, hintJa = '', hintEn = '') {
  at.issues.add(
    at.table,
    at.row,
    field,
    `「${field}」の値が正しくありません: ${shown(v)}${hintJa ? `（${hintJa}）` : ''}`,
    `${field} has a value that cannot be used: ${shown(v)}${hintEn ? ` (${hintEn})` : ''}`,
    at.service,
  );
}

/** Text of at most `max` characters (trimmed; empty is absent). */
export function text(o: Obj, field: string, max: number, at: At): string | null {
  const v = o[field];
  if (v === undefined) return null;
  if (typeof v !== 'string') {
    invalid(at, field, v, '文字列にしてください', 'text expected');
    return null;
  }
  const t = v.trim();
  if (t.length > max) {
    invalid(at, field, v, `${max}文字まで`, `at most ${max} characters`);
    return null;
  }
  return t || null;
}

export function requiredText(o: Obj, field: string, max: number, at: At): string | null {
  const v = o[field];
  if (v === undefined || (typeof v === 'string' && !v.trim())) {
    missing(at, field);
    return null;
  }
  return text(o, field, max, at);
}

/** A UUID (lower case), or null with an issue when present but not one. */
export function uuid(o: Obj, field: string, at: At, required: boolean): string | null {
  const v = o[field];
  if (v === undefined) {
    if (required) missing(at, field);
    return null;
  }
  if (typeof v !== 'string' || !isUuidText(v)) {
    invalid(at, field, v, 'UUID にしてください', 'a UUID is required');
    return null;
  }
  return v.toLowerCase();
}

export function integer(v: unknown, field: string, min: number, max: number, at: At): number | null {
  if (v === undefined) return null;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    invalid(at, field, v, `${min}〜${max}の整数`, `a whole number from ${min} to ${max}`);
    return null;
  }
  return n;
}

export function coordinate(v: unknown, field: string, min: number, max: number, at: At): number | null {
  if (v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    invalid(at, field, v, `日本の範囲（${min}〜${max}）`, `within Japan (${min} to ${max})`);
    return null;
  }
  return v;
}

export function email(o: Obj, field: string, at: At): string | null {
  const t = text(o, field, 200, at);
  if (t && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) {
    invalid(at, field, t, 'メールアドレス', 'an e-mail address');
    return null;
  }
  return t;
}

export function url(o: Obj, field: string, at: At): string | null {
  const t = text(o, field, 500, at);
  if (!t) return null;
  try {
    const u = new URL(t);
    if (u.protocol === 'http:' || u.protocol === 'https:') return t;
  } catch {}
  invalid(at, field, t, 'http(s) の URL', 'an http(s) URL');
  return null;
}

/** YYYY-MM-DD that is a real date. */
export function date(o: Obj, field: string, at: At): string | null {
  const v = o[field];
  if (v === undefined) return null;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    return v;
  invalid(at, field, v, 'YYYY-MM-DD', 'YYYY-MM-DD');
  return null;
}

/**
 * A time of day as local time in Japan (HH:MM). HSDS times carry their offset (09:00+09:00, 00:00Z); a time
 * without one is in the schedule's `timezone` (hours from UTC), or in Japan when that is absent too.
 */
export function jstTime(v: unknown, field: string, tz: unknown, at: At): string | null {
  if (v === undefined) return null;
  const m = typeof v === 'string' ? /^(\d{2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(v.trim()) : null;
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 23 || min > 59) {
    invalid(at, field, v, 'HH:MM と時差（例 09:00+09:00）', 'HH:MM with its offset, e.g. 09:00+09:00');
    return null;
  }
  let offset = 9 * 60;
  if (m[3] === 'Z') offset = 0;
  else if (m[3])
    offset = (m[3][0] === '-' ? -1 : 1) * (Number(m[3].slice(1, 3)) * 60 + Number(m[3].slice(4)));
  else if (typeof tz === 'number' && Number.isFinite(tz)) offset = Math.round(tz * 60);
  const local = (((h * 60 + min - offset + 9 * 60) % 1440) + 1440) % 1440;
  return `${String(Math.floor(local / 60)).padStart(2, '0')}:${String(local % 60).padStart(2, '0')}`;
}

/** iCal BYDAY of a weekly schedule: MO,TU,… */
export function weekdays(v: unknown, at: At): (typeof WEEKDAYS)[number][] | null {
  const parts = typeof v === 'string' ? v.split(',').map((d) => d.trim().toUpperCase()) : [];
  const days = parts.filter((d): d is (typeof WEEKDAYS)[number] =>
    (WEEKDAYS as readonly string[]).includes(d),
  );
  if (!parts.length || days.length !== parts.length) {
    invalid(at, 'byday', v, '曜日 MO,TU,WE,TH,FR,SA,SU', 'days MO,TU,WE,TH,FR,SA,SU');
    return null;
  }
  return [...new Set(days)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
}

/** A municipality code of the prefecture (6 digits with its check digit, as in the reference list). */
export function municipalityOfPrefecture(code: string, prefectureCode: string): boolean {
  return code.startsWith(prefectureCode) && findMunicipality(code) !== undefined;
}

/**
 * The municipality of an HSDS location: its external identifier when that is a 全国地方公共団体コード, else read
 * from the address (state/province, city and street); it must be of the prefecture.
 */
export function locationMunicipality(
  loc: Obj,
  addr: { city: string | null; state: string | null; line: string },
  prefectureCode: string,
  at: At,
): string | null {
  const ext = typeof loc.external_identifier === 'string' ? loc.external_identifier.trim() : '';
  const code =
    (/^\d{6}$/.test(ext) && findMunicipality(ext) ? ext : null) ??
    resolveMunicipalityFromAddress(addr.line, prefectureCode) ??
    resolveMunicipalityFromAddress(`${addr.state ?? ''}${addr.city ?? ''}${addr.line}`, prefectureCode);
  if (!code) {
    at.issues.add(
      at.table,
      at.row,
      'addresses',
      `住所から市区町村を特定できません: ${addr.line}`,
      `No municipality found for the address: ${addr.line}`,
      at.service,
    );
    return null;
  }
  if (!code.startsWith(prefectureCode)) {
    at.issues.add(
      at.table,
      at.row,
      'addresses',
      `他の都道府県の所在地です: ${addr.line}`,
      `The location is in another prefecture: ${addr.line}`,
      at.service,
    );
    return null;
  }
  return code;
}

/** The location of a service: its first physical address, municipality, point (issues on the service). */
export function readLocation(o: Obj, row: number, service: unknown, prefectureCode: string, issues: Issues) {
  const at = { table: 'locations', row, service, issues };
  const addrs = Array.isArray(o.addresses)
    ? (o.addresses.filter((a) => a && typeof a === 'object') as Obj[])
    : [];
  const a = addrs.find((x) => x.address_type === 'physical') ?? addrs[0];
  if (!a) {
    issues.add(
      'locations',
      row,
      'addresses',
      '所在地の住所がありません。',
      'The location has no address.',
      service,
    );
    return null;
  }
  const aat = { ...at, table: 'locations.addresses' };
  const line = [text(a, 'address_1', 300, aat), text(a, 'address_2', 300, aat)].filter(Boolean).join(' ');
  if (!line) {
    issues.add(
      'locations',
      row,
      'addresses',
      '所在地の住所がありません。',
      'The location has no address.',
      service,
    );
    return null;
  }
  let postalCode = text(a, 'postal_code', 10, aat);
  if (postalCode && !/^\d{3}-?\d{4}$/.test(postalCode.normalize('NFKC'))) {
    invalid(aat, 'postal_code', postalCode, '郵便番号 123-4567', 'a Japanese postal code, 123-4567');
    postalCode = null;
  }
  const municipalityCode = locationMunicipality(
    o,
    { city: text(a, 'city', 100, aat), state: text(a, 'state_province', 100, aat), line },
    prefectureCode,
    at,
  );
  const latitude = coordinate(o.latitude, 'latitude', 20, 46, at);
  const longitude = coordinate(o.longitude, 'longitude', 122, 154, at);
  const name = text(o, 'name', 200, at);
  if (typeof o.id !== 'string' || !municipalityCode) return null;
  return {
    hsdsId: o.id.toLowerCase(),
    name,
    postalCode: postalCode?.normalize('NFKC') ?? null,
    address: line,
    municipalityCode,
    latitude,
    longitude,
  };
}
