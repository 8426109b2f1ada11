import { describe, expect, it } from 'vitest';
import { isConnectionError } from './db-errors';

const withCode = (code: string, message = 'whatever the driver says') =>
  Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it.each([
    ['ECONNREFUSED'],
    ['ECONNRESET'],
    ['EPIPE'],
    ['ETIMEDOUT'],
    ['08000'],
    ['08003'],
    ['08006'],
    ['08001'],
    ['08P01'],
    ['57P01'],
    ['57P02'],
    ['57P03'],
  ])('is true for code %s', (code) => {
    expect(isConnectionError(withCode(code))).toBe(true);
  });

  it.each([['23505'], ['40001'], ['57014'], ['42P01'], ['ENOENT'], ['080']])(
    'is false for code %s',
    (code) => {
      expect(isConnectionError(withCode(code))).toBe(false);
    },
  );

  it('knows the driver errors that carry no code, by their exact text only', () => {
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated due to connection timeout'))).toBe(true);
    expect(isConnectionError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    // Similar words in another error (or one that has a code) do not count.
    expect(isConnectionError(new Error('Connection terminated unexpectedly while parsing'))).toBe(false);
    expect(isConnectionError(withCode('23505', 'Connection terminated unexpectedly'))).toBe(false);
    expect(isConnectionError(new Error('the connection was refused'))).toBe(false);
  });

  it('follows causes (Drizzle wraps the driver error) and the errors of an AggregateError', () => {
    const drizzle = new Error('Failed query: select 1', { cause: withCode('57P01') });
    expect(isConnectionError(drizzle)).toBe(true);
    expect(isConnectionError(new Error('outer', { cause: drizzle }))).toBe(true);
    const both = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect');
    expect(isConnectionError(both)).toBe(true);
    expect(isConnectionError(new Error('Failed query', { cause: withCode('23505') }))).toBe(false);
  });

  it('is false for anything that is not an error object, and survives a cause cycle', () => {
    expect(isConnectionError(undefined)).toBe(false);
    expect(isConnectionError('ECONNRESET')).toBe(false);
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isConnectionError(a)).toBe(false);
  });
});
