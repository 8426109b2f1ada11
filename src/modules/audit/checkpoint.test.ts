import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './chain';
import {
  CHECKPOINT_EVENT,
  checkpointKey,
  checkpointLogFields,
  checkpointSignatureValid,
  checkpointsStale,
  checkpointWanted,
  judgeCheckpoint,
  parseCheckpointLine,
  type SignedCheckpoint,
  signCheckpoint,
} from './checkpoint';

const key = checkpointKey('test-secret-test-secret-test-secret-0123456789');
const at = new Date('2026-12-06T01:00:00.123Z');
const head = { seq: 42, hash: 'a'.repeat(64) };
const signed: SignedCheckpoint = { ...head, at, signature: signCheckpoint(key, { ...head, at }) };
const MIN = 60_000;

describe('checkpoint signatures', () => {
  it('derives a 32-byte key that depends on the secret', () => {
    expect(key).toHaveLength(32);
    expect(checkpointKey('another-secret-another-secret-0123456789').equals(key)).toBe(false);
    // The key is not the secret itself, nor its plain SHA-256 used elsewhere.
    expect(key.toString('hex')).not.toContain('test-secret');
  });

  it('accepts its own signature and refuses any change to the signed fields or the key', () => {
    expect(signed.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpointSignatureValid(key, signed)).toBe(true);
    expect(checkpointSignatureValid(key, { ...signed, seq: 41 })).toBe(false);
    expect(checkpointSignatureValid(key, { ...signed, hash: 'b'.repeat(64) })).toBe(false);
    expect(checkpointSignatureValid(key, { ...signed, at: new Date(at.getTime() + 1) })).toBe(false);
    expect(checkpointSignatureValid(key, { ...signed, signature: 'not hex' })).toBe(false);
    expect(checkpointSignatureValid(key, { ...signed, signature: signed.signature.slice(2) })).toBe(false);
    expect(checkpointSignatureValid(checkpointKey('x'.repeat(40)), signed)).toBe(false);
  });

  it('judges the signature before the chain, then whether the chain reaches the position with the hash', () => {
    expect(judgeCheckpoint(key, signed, head.hash)).toBe('ok');
    expect(judgeCheckpoint(key, signed, 'c'.repeat(64))).toBe('rewritten');
    expect(judgeCheckpoint(key, signed, undefined)).toBe('tail');
    expect(judgeCheckpoint(key, { ...signed, seq: 7 }, undefined)).toBe('signature');
  });
});

describe('checkpoint log lines', () => {
  it('round-trips through the pino line a log store keeps, ignoring pino’s own fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: '2026-12-06T01:00:00.200Z',
      service: 'tsunagu',
      ...checkpointLogFields(signed),
      msg: 'audit checkpoint',
    });
    expect(JSON.parse(line).event).toBe(CHECKPOINT_EVENT);
    expect(parseCheckpointLine(line)).toEqual(signed);
  });

  it('refuses lines that are not checkpoints', () => {
    for (const text of [
      'not json',
      '"a string"',
      '{"seq":1}',
      JSON.stringify({ ...checkpointLogFields(signed), seq: -1 }),
      JSON.stringify({ ...checkpointLogFields(signed), seq: '42' }),
      JSON.stringify({ ...checkpointLogFields(signed), hash: 'short' }),
      JSON.stringify({ ...checkpointLogFields(signed), at: 'yesterday' }),
    ]) {
      expect(parseCheckpointLine(text)).toBeNull();
    }
  });
});

describe('when to checkpoint', () => {
  const now = new Date('2026-12-06T01:10:00Z');
  const recent = { ...head, at: new Date(now.getTime() - 2 * MIN) };
  const old = { ...head, at: new Date(now.getTime() - 5 * MIN) };
  const moved = { seq: 43, hash: 'd'.repeat(64) };
  it.each([
    ['always', head, recent, true],
    ['moved', head, old, false],
    ['moved', moved, recent, true],
    ['due', moved, recent, false],
    ['due', moved, old, true],
    ['due', head, old, false],
    ['due', moved, null, true],
    ['due', { seq: 0, hash: GENESIS_HASH }, null, false],
    ['moved', { seq: 0, hash: GENESIS_HASH }, null, false],
  ] as const)('%s with head %o and newest %o → %s', (mode, h, newest, expected) => {
    expect(checkpointWanted(mode, h, newest, now, 5 * MIN)).toBe(expected);
  });

  it('calls checkpoints stale only when an uncovered entry waited more than two intervals', () => {
    const now = new Date('2026-12-06T02:00:00Z');
    const ago = (m: number) => new Date(now.getTime() - m * MIN);
    expect(checkpointsStale(ago(11), true, now, 5 * MIN)).toBe(true);
    expect(checkpointsStale(ago(10), true, now, 5 * MIN)).toBe(false);
    expect(checkpointsStale(null, true, now, 5 * MIN)).toBe(false);
    // No checkpoint yet (a deployment just upgraded): nothing to call stale.
    expect(checkpointsStale(ago(60), false, now, 5 * MIN)).toBe(false);
  });
});
