import { describe, expect, it } from 'vitest';
import { childId, HSDS_NAMESPACE, hsdsIdOf, isUuidText, termId, uuidV5 } from './hsds-ids';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NS = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it.each([
    // RFC 9562 appendix A.4 and Python's uuid.uuid5, the usual reference values.
    [DNS, 'www.example.com', '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
    [DNS, 'python.org', '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
    [URL_NS, 'http://python.org/', '4c565f0d-3f5a-5890-b41b-20cf47701c5e'],
  ])('in %s of %s is %s', (ns, name, expected) => {
    expect(uuidV5(name, ns)).toBe(expected);
  });

  it('hashes names as UTF-8 and accepts an upper-case namespace', () => {
    expect(uuidV5('藤沢市', DNS)).toBe(uuidV5('藤沢市', DNS.toUpperCase()));
    expect(uuidV5('藤沢市', DNS)).not.toBe(uuidV5('藤沢', DNS));
  });

  it('sets version 5 and the RFC variant', () => {
    for (const name of ['a', 'b', 'service/1', '']) {
      const u = uuidV5(name, HSDS_NAMESPACE);
      expect(isUuidText(u)).toBe(true);
      expect(u[14]).toBe('5');
      expect('89ab').toContain(u[19]);
    }
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow();
  });
});

describe('HSDS ids', () => {
  const ours = '0d7d4a8e-7a3c-4d5e-9c1b-2f3a4b5c6d7e';

  it('are stable, differ by kind, and keep an imported id', () => {
    expect(hsdsIdOf('service', { id: ours })).toBe(hsdsIdOf('service', { id: ours.toUpperCase() }));
    expect(hsdsIdOf('service', { id: ours })).not.toBe(hsdsIdOf('location', { id: ours }));
    expect(hsdsIdOf('service', { id: ours, hsdsId: 'kept' })).toBe('kept');
  });

  it('derive sub-objects from the parent id, so they follow it', () => {
    const parent = hsdsIdOf('service', { id: ours });
    expect(childId(parent, 'schedule/0')).toBe(childId(parent.toUpperCase(), 'schedule/0'));
    expect(childId(parent, 'schedule/0')).not.toBe(childId(parent, 'schedule/1'));
    expect(termId('care-item', 'suction')).not.toBe(termId('care-item', 'ventilator'));
  });
});
