import { describe, expect, it } from 'vitest';
import { AppError } from '../server/errors';
import { classifyJobError, MAX_ATTEMPTS, nextStep, RETRY_BASE_MS } from './retry';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('classifyJobError', () => {
  it.each([
    ['an AppError about the input', new AppError('census_file_has_errors'), 'permanent'],
    ['not found', new AppError('not_found'), 'permanent'],
    ['an internal AppError', new AppError('internal'), 'transient'],
    ['a terminated session (57P01)', withCode('57P01'), 'transient'],
    ['a connection failure (08006)', withCode('08006'), 'transient'],
    ['a deadlock (40P01)', withCode('40P01'), 'transient'],
    ['a refused connection (ECONNREFUSED)', withCode('ECONNREFUSED'), 'transient'],
    ['a connection reset (ECONNRESET)', withCode('ECONNRESET'), 'transient'],
    ['pg without a code', new Error('Connection terminated unexpectedly'), 'transient'],
    ['invalid text (22P02)', withCode('22P02'), 'permanent'],
    ['a unique violation (23505)', withCode('23505'), 'permanent'],
    ['an undefined column (42703)', withCode('42703'), 'permanent'],
    ['a wrapped data error', new Error('query failed', { cause: withCode('22001') }), 'permanent'],
    ['a thrown string', 'boom', 'transient'],
  ])('%s is %s', (_label, error, kind) => {
    expect(classifyJobError(error)).toBe(kind);
  });
});

describe('nextStep', () => {
  it('backs off 5 s, 20 s, 80 s and then gives up', () => {
    expect(nextStep('transient', 1)).toEqual({ retry: true, delayMs: RETRY_BASE_MS });
    expect(nextStep('transient', 2)).toEqual({ retry: true, delayMs: 4 * RETRY_BASE_MS });
    expect(nextStep('transient', 3)).toEqual({ retry: true, delayMs: 16 * RETRY_BASE_MS });
    expect(nextStep('transient', MAX_ATTEMPTS)).toEqual({ retry: false });
  });

  it('never retries a permanent failure', () => {
    expect(nextStep('permanent', 1)).toEqual({ retry: false });
  });
});
