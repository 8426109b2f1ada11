import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { createLogger, serializeError } from './logger';

const NAME = '山田 花子';
const PHONE = '090-1234-5678';

/** A database failure as the driver and Drizzle report it: the SQL parameters are in the message. */
function driverFailure() {
  const cause = new pg.DatabaseError(
    `invalid byte sequence for encoding "UTF8": 0x00 near ${NAME}`,
    100,
    'error',
  );
  Object.assign(cause, { code: '22021', routine: 'report_invalid_encoding', detail: PHONE, where: NAME });
  return new DrizzleQueryError(
    'insert into registrations (name, phone) values ($1, $2)',
    [NAME, PHONE],
    cause,
  );
}

function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', stream), lines };
}

describe('serializeError', () => {
  it('keeps class, code, routine and stack frames of an error and its causes, never the message', () => {
    const out = serializeError(driverFailure());
    expect(out.type).toBe('DrizzleQueryError');
    expect(out.stack).toMatch(/^DrizzleQueryError\n\s+at /);
    expect(out.cause).toMatchObject({
      type: 'DatabaseError',
      code: '22021',
      routine: 'report_invalid_encoding',
    });
    const text = JSON.stringify(out);
    for (const secret of [NAME, PHONE, 'Failed query', 'invalid byte sequence', 'values ($1']) {
      expect(text).not.toContain(secret);
    }
  });

  it('drops a message that spans lines and mimics a stack frame', () => {
    const e = new Error(`bad\n    at ${NAME} (${PHONE})\nmore`);
    const out = serializeError(e);
    expect(JSON.stringify(out)).not.toContain(NAME);
    expect(out.stack).toMatch(/logger\.test\.ts/);
  });

  it('gives an AppError’s code and refuses codes that are not codes', () => {
    expect(serializeError(new AppError('not_found')).code).toBe('not_found');
    const odd = Object.assign(new Error('x'), { code: `${NAME} ${PHONE}` });
    expect(serializeError(odd).code).toBeUndefined();
    expect(serializeError('a string thrown')).toEqual({ type: 'string' });
  });
});

describe('createLogger', () => {
  it('writes errors through the serializer, however they are passed', () => {
    const { log, lines } = memoryLogger();
    const child = log.child({ requestId: 'r1' });
    child.error({ err: driverFailure() }, 'unhandled error');
    child.error(driverFailure());
    child.warn({ error: driverFailure() }, 'warned');
    expect(lines).toHaveLength(3);
    const all = lines.join('\n');
    for (const secret of [NAME, PHONE, 'Failed query']) expect(all).not.toContain(secret);
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: 'r1', err: { type: 'DrizzleQueryError' } });
  });
});
