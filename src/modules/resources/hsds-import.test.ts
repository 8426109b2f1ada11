import { describe, expect, it } from 'vitest';
import { type At, Issues, jstTime, weekdays } from './hsds-fields';
import { readHsds } from './hsds-import';
import { readHsdsTables } from './hsds-read';

const at = (): At => ({ table: 'schedules', row: 1, service: 's', issues: new Issues() });

describe('jstTime', () => {
  it.each([
    ['09:00+09:00', undefined, '09:00'],
    ['09:00:00+09:00', undefined, '09:00'],
    ['00:30Z', undefined, '09:30'],
    ['20:00Z', undefined, '05:00'],
    ['10:00-05:00', undefined, '00:00'],
    ['08:15', 9, '08:15'],
    ['08:15', 0, '17:15'],
    ['08:15', undefined, '08:15'],
  ])('%s (timezone %s) is %s in Japan', (v, tz, expected) => {
    const a = at();
    expect(jstTime(v, 'opens_at', tz, a)).toBe(expected);
    expect(a.issues.list).toEqual([]);
  });

  it.each(['25:00', '9:00', 'noon', 900])('refuses %s with a bilingual issue', (v) => {
    const a = at();
    expect(jstTime(v, 'opens_at', undefined, a)).toBeNull();
    expect(a.issues.list[0]).toMatchObject({ row: 1, column: 'schedules.opens_at', serviceKey: 's' });
    expect(a.issues.list[0]!.ja).toContain('opens_at');
    expect(a.issues.services.has('s')).toBe(true);
  });
});

describe('weekdays', () => {
  it('reads iCal days in week order, once each', () => {
    expect(weekdays('fr,MO, we,MO', at())).toEqual(['MO', 'WE', 'FR']);
  });
  it('refuses monthly forms and unknown days', () => {
    for (const v of ['1SA', 'MO,XX', '', undefined]) {
      const a = at();
      expect(weekdays(v, a)).toBeNull();
      expect(a.issues.list).toHaveLength(1);
    }
  });
});

describe('readHsdsTables', () => {
  it('lifts nested objects into tables with their parent ids, dropping nulls', () => {
    const t = readHsdsTables({
      contents: [
        {
          id: 'S',
          name: 'x',
          email: null,
          organization: { id: 'O', name: 'o', phones: [{ id: 'P1', number: '1' }] },
          phones: [{ id: 'P2', number: '2' }],
          schedules: [{ id: 'SC', byday: 'MO' }],
          service_areas: [{ id: 'A', extent: '142051', attributes: [{ id: 'AA', value: '142051' }] }],
          attributes: [{ id: 'AT', taxonomy_term: { id: 'T', name: 't' } }],
          service_at_locations: [{ id: 'SAL', location: { id: 'L', location_type: 'physical' } }],
        },
      ],
    })!;
    const rows = (n: keyof typeof t.tables) => t.tables[n].rows.map((r) => r.o);
    expect(rows('services')).toEqual([{ id: 'S', name: 'x', organization_id: 'O' }]);
    expect(rows('organizations').map((o) => o.id)).toEqual(['O']);
    expect(rows('phones')).toEqual([
      { organization_id: 'O', id: 'P1', number: '1' },
      { service_id: 'S', id: 'P2', number: '2' },
    ]);
    expect(rows('schedules')).toEqual([{ service_id: 'S', id: 'SC', byday: 'MO' }]);
    expect(rows('service_at_locations')[0]).toMatchObject({ service_id: 'S', location_id: 'L' });
    expect(rows('locations').map((o) => o.id)).toEqual(['L']);
    expect(rows('attributes').map((a) => [a.id, a.link_id, a.link_entity])).toEqual([
      ['AA', 'A', 'service_area'],
      ['AT', 'S', 'service'],
    ]);
    expect(rows('taxonomy_terms').map((x) => x.id)).toEqual(['T']);
  });

  it('is null for what is not HSDS', () => {
    expect(readHsdsTables('text')).toBeNull();
    expect(readHsdsTables({ hello: [] })).toBeNull();
  });
});

describe('readHsds', () => {
  it('names every problem of a service by table, row and field, and fails the service', () => {
    const f = readHsds(
      {
        hsds_version: '3.0',
        organizations: [{ id: '11111111-1111-4111-8111-111111111111', name: '法人' }],
        services: [
          {
            id: '22222222-2222-4222-8222-222222222222',
            organization_id: '99999999-9999-4999-8999-999999999999',
          },
        ],
      },
      '14',
    );
    expect(f.listings[0]!.ok).toBe(false);
    expect(f.issues.list.map((i) => i.column)).toEqual([
      'services.organization_id',
      'services.status',
      'services.name',
      'services.service_at_locations',
    ]);
    for (const i of f.issues.list) expect(i.row).toBe(1);
  });
});

describe('readHsds on arbitrary JSON', () => {
  const values = [null, 1, -1.5, '', 'x', '09:00', '142051', true, [], {}, [1], { a: 1 }, 'a'.repeat(600)];
  const keys = ['id', 'name', 'status', 'organization_id', 'service_id', 'location_id', 'link_id', 'value'];
  keys.push('taxonomy_term_id', 'link_type', 'byday', 'opens_at', 'timezone', 'freq', 'extent', 'addresses');
  keys.push('phones', 'latitude', 'external_identifier', 'minimum_age', 'assured_date', 'url', 'location');
  keys.push('organization', 'schedules', 'service_areas', 'attributes', 'service_at_locations', 'address_1');
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const obj = (depth: number): Record<string, unknown> =>
    Object.fromEntries(
      Array.from({ length: 8 }, () => [
        pick(keys),
        depth > 0 && rnd() < 0.3 ? [obj(depth - 1), obj(depth - 1)] : pick(values),
      ]),
    );

  it('never throws: whatever the file holds becomes issues', () => {
    const tables = ['organizations', 'services', 'locations', 'service_at_locations', 'schedules'];
    tables.push('service_areas', 'attributes', 'phones', 'contents');
    for (let i = 0; i < 200; i++) {
      const doc = Object.fromEntries(tables.filter(() => rnd() < 0.6).map((t) => [t, [obj(2), obj(1)]]));
      expect(() => readHsds(doc, '14')).not.toThrow();
    }
  });
});
