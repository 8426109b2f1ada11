import { useQuery } from '@tanstack/react-query';
import { CARE_TABLE, type CareItem, type CareTable } from '../../../../src/shared/care-score';
import type { Locale } from '../../i18n';
import { api } from '../api';

/**
 * The 医療的ケア判定スコア table as the server serves it (GET /api/public/care-score/items). Until it answers
 * (or if it cannot), the copy bundled with the shared scorer is used: it is the same data file.
 */
export function useCareTable(): CareTable {
  const query = useQuery({
    queryKey: ['care-score', 'items'],
    queryFn: ({ signal }) => api.get<CareTable>('/api/public/care-score/items', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return query.data?.items?.length ? query.data : CARE_TABLE;
}

/** The item's name in the UI language, or the code when the table does not know it. */
export function careItemLabel(table: CareTable, code: string, locale: Locale): string {
  const item: CareItem | undefined = table.items.find((i) => i.code === code);
  if (!item) return code;
  return locale === 'ja' ? item.ja : item.en;
}
