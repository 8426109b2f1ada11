import { describe, expect, it } from 'vitest';
import { clientAddressResolver, normaliseAddress, parseTrustProxy } from './client-ip';

describe('parseTrustProxy', () => {
  it.each([
    ['false', false],
    ['', false],
    ['0', false],
    ['true', 1],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.5,fd00::/8', ['10.0.0.0/8', '192.168.1.5', 'fd00::/8']],
  ])('reads %j', (value, trust) => {
    expect(parseTrustProxy(value)).toEqual({ ok: true, trust });
  });

  it.each([['11'], ['yes'], ['10.0.0.0/33'], ['10.0.0.1, example.lg.jp'], ['::1/129'], ['10.0.0.0/8/1']])(
    'refuses %j',
    (value) => {
      expect(parseTrustProxy(value).ok).toBe(false);
    },
  );
});

describe('normaliseAddress', () => {
  it.each([
    [' 203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['unknown', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});

describe('clientAddressResolver', () => {
  it('with no proxy trusted, takes the socket peer and ignores X-Forwarded-For', () => {
    const r = clientAddressResolver(false);
    expect(r('198.51.100.1', '::ffff:10.0.0.9')).toBe('10.0.0.9');
    expect(r(undefined, null)).toBeNull();
  });

  it('with one hop, takes the right-most X-Forwarded-For address, not the spoofable left-most', () => {
    const r = clientAddressResolver(1);
    expect(r('6.6.6.6, 203.0.113.7', '10.0.0.2')).toBe('203.0.113.7');
    expect(r('203.0.113.7', '10.0.0.2')).toBe('203.0.113.7');
    expect(clientAddressResolver(true)('6.6.6.6, 203.0.113.7', null)).toBe('203.0.113.7');
    // No header (a health check from the balancer itself): the peer.
    expect(r(undefined, '10.0.0.2')).toBe('10.0.0.2');
    // Something that is not an address where the proxy's entry should be: the peer stands in.
    expect(r('6.6.6.6, garbage', '10.0.0.2')).toBe('10.0.0.2');
  });

  it('with N hops, takes the N-th address from the right (the left-most when there are fewer)', () => {
    const r = clientAddressResolver(2);
    expect(r('6.6.6.6, 203.0.113.7, 10.0.0.5', '10.0.0.2')).toBe('203.0.113.7');
    expect(r('203.0.113.7', '10.0.0.2')).toBe('203.0.113.7');
  });

  it('with a list of proxies, takes the first untrusted address walking leftwards from the peer', () => {
    const r = clientAddressResolver(['10.0.0.0/8', '2001:db8:ffff::/48']);
    expect(r('6.6.6.6, 203.0.113.7, 10.1.2.3', '10.0.0.2')).toBe('203.0.113.7');
    expect(r('6.6.6.6, 2001:db8::7', '2001:db8:ffff::1')).toBe('2001:db8::7');
    // A peer that is not a trusted proxy is the client, whatever it claims.
    expect(r('203.0.113.7', '198.51.100.9')).toBe('198.51.100.9');
    // Only trusted proxies: the left-most of them.
    expect(r('10.9.9.9', '10.0.0.2')).toBe('10.9.9.9');
    // Garbage written left of a trusted hop: the last trusted hop stands in.
    expect(r('garbage, 10.1.2.3', '10.0.0.2')).toBe('10.1.2.3');
  });
});
