import type { z } from '@hono/zod-openapi';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ZCatalogue } from '../../../../../src/modules/learning/catalogue';
import type { CourseKind } from '../../../../../src/shared/vocab/learning';
import { api } from '../../../lib/api';

/**
 * The public catalogue of trainings (GET /api/public/learning/sessions) and the prefectures to choose from (the
 * learner sign-up's options). Types are the server's Zod contract, imported as types only (no Zod in the bundle).
 */
export type Catalogue = z.infer<typeof ZCatalogue>;
export type CatalogueSession = Catalogue['items'][number];
export type Prefecture = { code: string; name: string; nameEn: string };

export function usePrefectures() {
  return useQuery({
    queryKey: ['public-trainings', 'prefectures'],
    queryFn: ({ signal }) =>
      api.get<{ prefectures: Prefecture[] }>('/api/public/learning/sign-up/options', undefined, signal),
    select: (d) => d.prefectures,
    staleTime: 60 * 60 * 1000,
  });
}

export function useCatalogue(q: { prefecture: string; kind?: CourseKind; open?: boolean }) {
  return useQuery({
    enabled: /^\d{2}$/.test(q.prefecture),
    queryKey: ['public-trainings', 'sessions', q],
    queryFn: ({ signal }) =>
      api.get<Catalogue>(
        '/api/public/learning/sessions',
        { prefecture: q.prefecture, kind: q.kind, open: q.open ? 'true' : undefined },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
