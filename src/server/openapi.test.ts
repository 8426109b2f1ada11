/**
 * The OpenAPI document as a contract: every operation has a unique operationId, a security requirement and
 * its error answers; no schema accepts anything; and Redocly's recommended rules pass with zero errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createApp } from './app';
import { testConfig } from './config';
import { createDeps } from './deps';
import { createLogger } from './logger';
import { completeDocument, operationIdFor } from './openapi-document';

type Operation = {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
};

/** A database the document must never touch: any query through it fails the test. */
function untouchableDatabase(): Database {
  const refuse = new Proxy(
    {},
    {
      get: () => {
        throw new Error('building the OpenAPI document must not query the database');
      },
    },
  );
  return { kind: 'pglite', systemDb: refuse, close: async () => {} } as unknown as Database;
}

async function documentOf(cookieSecure: boolean): Promise<Doc> {
  const deps = createDeps({
    db: untouchableDatabase(),
    config: testConfig({ cookieSecure }),
    log: createLogger('silent'),
    now: () => new Date(),
  });
  const res = await createApp(deps).request('/api/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

function operations(doc: Doc): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
}

/** Paths of schemas that accept anything: `{}`, or objects whose extra properties may be anything. */
function looseSchemas(node: unknown, path = '#'): string[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((n, i) => looseSchemas(n, `${path}/${i}`));
  const out: string[] = [];
  const o = node as Record<string, unknown>;
  for (const key of ['schema', 'items', 'additionalProperties'] as const) {
    const v = o[key];
    if (v === true || (v && typeof v === 'object' && Object.keys(v).length === 0)) out.push(`${path}/${key}`);
  }
  for (const [key, v] of Object.entries(o)) {
    if (key === 'properties' && v && typeof v === 'object') {
      for (const [name, s] of Object.entries(v)) {
        if (s && typeof s === 'object' && Object.keys(s).length === 0) out.push(`${path}/properties/${name}`);
      }
    }
    out.push(...looseSchemas(v, `${path}/${key}`));
  }
  return out;
}

let doc: Doc;
let dir: string;
beforeAll(async () => {
  doc = await documentOf(false);
  dir = mkdtempSync(join(tmpdir(), 'tsunagu-openapi-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('operationIdFor', () => {
  it.each([
    ['get', '/api/children', 'getChildren'],
    ['post', '/api/children/{id}/move', 'postChildrenByIdMove'],
    ['get', '/api/resources/export.json', 'getResourcesExportJson'],
    ['post', '/api/auth/sign-in', 'postAuthSignIn'],
    [
      'get',
      '/api/census/runs/{id}/discrepancies/{municipalityCode}',
      'getCensusRunsByIdDiscrepanciesByMunicipalityCode',
    ],
    ['delete', '/api/saved-filters/{id}', 'deleteSavedFiltersById'],
  ])('%s %s → %s', (method, path, id) => {
    expect(operationIdFor(method, path)).toBe(id);
  });
});

describe('the OpenAPI document', () => {
  it('gives every operation a unique, readable operationId', () => {
    const ids = operations(doc).map(({ op }) => op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z]+[A-Z][A-Za-z0-9]*$/);
    const seen = new Map<string, number>();
    for (const id of ids) seen.set(id!, (seen.get(id!) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
    expect(ids.length).toBeGreaterThan(100);
  });

  it('keeps an operationId a route sets itself', () => {
    const d = completeDocument(
      { paths: { '/api/x': { get: { operationId: 'listX', responses: {} } } } },
      { cookieSecure: false },
    );
    expect(d.paths['/api/x']!.get!.operationId).toBe('listX');
  });

  it('declares the session cookie (by the name in use), the CSRF header and the TOTP step', async () => {
    const schemes = doc.components.securitySchemes as Record<string, Record<string, string>>;
    expect(schemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'tsunagu_session' });
    expect(schemes.sessionCookie!.description).toContain('__Host-tsunagu_session');
    expect(schemes.sessionCookie!.description).toContain('/api/auth/totp');
    expect(schemes.csrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    const secure = await documentOf(true);
    expect((secure.components.securitySchemes as Record<string, { name: string }>).sessionCookie!.name).toBe(
      '__Host-tsunagu_session',
    );
  });

  it('says which operations are public, and asks signed-in writes for the CSRF header', () => {
    for (const { method, path, op } of operations(doc)) {
      expect(op.security, `${method} ${path}`).toBeDefined();
      if (path.startsWith('/api/public/')) {
        expect(op.security, `${method} ${path}`).toEqual([]);
        continue;
      }
      // Every way in that names the session asks for the CSRF header on unsafe methods.
      for (const req of op.security!.filter((r) => 'sessionCookie' in r)) {
        expect('csrfToken' in req, `${method} ${path}`).toBe(!['get', 'head'].includes(method));
      }
    }
    const signIn = doc.paths['/api/auth/sign-in']!.post!;
    expect(signIn.security).toContainEqual({});
    expect(doc.paths['/api/children']!.get!.security).toEqual([{ sessionCookie: [] }]);
  });

  it('declares the error answers each kind of operation can give, with the shared error body', () => {
    expect(doc.components.schemas).toHaveProperty('Error');
    for (const { method, path, op } of operations(doc)) {
      const codes = Object.keys(op.responses);
      const where = `${method} ${path}`;
      expect(codes, where).toEqual(expect.arrayContaining(['400', '500', '503']));
      const isPublic = op.security!.length === 0;
      const signedIn = !isPublic && op.security!.every((r) => Object.keys(r).length > 0);
      if (signedIn) expect(codes, where).toEqual(expect.arrayContaining(['401', '403', '404']));
      if (isPublic) expect(codes, where).toContain('429');
      expect(op.summary, where).toBeTruthy();
    }
  });

  it('has no schema that accepts anything', () => {
    expect(looseSchemas(doc)).toEqual([]);
  });

  it('passes Redocly’s recommended rules with zero errors', () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(
      join(process.cwd(), 'node_modules/.bin/redocly'),
      ['lint', '--extends=recommended', '--format=json', '--max-problems=1000', file],
      {
        encoding: 'utf8',
        timeout: 60_000,
        // Offline: no usage report, no update check (deployments and CI run inside closed networks).
        env: {
          ...process.env,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          NO_COLOR: '1',
        },
      },
    );
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; severity: string; message: string }[];
    };
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(run.status).toBe(0);
  }, 60_000);
});
