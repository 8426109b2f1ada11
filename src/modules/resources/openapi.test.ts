import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../server/config';
import type { Deps } from '../../server/context';
import { publicResourcesModule, resourcesModule } from '.';

describe('resources OpenAPI document', () => {
  it('builds, with every route of the contract', () => {
    const app = new OpenAPIHono();
    const deps = { db: { systemDb: {} }, config: testConfig(), now: () => new Date() } as unknown as Deps;
    app.route(resourcesModule.basePath, resourcesModule.routes(deps));
    app.route(publicResourcesModule.basePath, publicResourcesModule.routes(deps));
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const paths = Object.entries(doc.paths ?? {}).flatMap(([p, v]) =>
      Object.keys(v as object).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(paths.filter((p) => p.startsWith('GET')).sort()).toEqual([
      'GET /api/public/resources',
      'GET /api/public/resources/confirm/{token}',
      'GET /api/public/resources/options',
      'GET /api/public/resources/{id}',
      'GET /api/resources/bottlenecks',
      'GET /api/resources/export.json',
      'GET /api/resources/export.xlsx',
      'GET /api/resources/gaps',
      'GET /api/resources/gaps.xlsx',
      'GET /api/resources/organizations',
      'GET /api/resources/organizations/{id}',
      'GET /api/resources/places',
      'GET /api/resources/rounds',
      'GET /api/resources/rounds/{id}',
      'GET /api/resources/services',
      'GET /api/resources/services/{id}',
    ]);
    expect(paths.length).toBe(36);
  });
});
