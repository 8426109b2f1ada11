import {
  LIBRARY_AUDIENCE_LABELS,
  LIBRARY_KIND_LABELS,
  LIBRARY_SITUATION_LABELS,
  type LibraryAudience,
  type LibrarySituation,
} from '../../../../src/shared/vocab/library';
import type { Translate } from '../../i18n';
import type { LibraryRow } from '../../lib/queries/library';

export function situationsText(t: Translate, codes: readonly LibrarySituation[]): string {
  return codes.map((c) => LIBRARY_SITUATION_LABELS[c][t.locale]).join('・');
}

export function audiencesText(t: Translate, codes: readonly LibraryAudience[]): string {
  return codes.map((c) => LIBRARY_AUDIENCE_LABELS[c][t.locale]).join('・');
}

export function kindText(t: Translate, row: Pick<LibraryRow, 'kind'>): string {
  return LIBRARY_KIND_LABELS[row.kind][t.locale];
}

export function areaText(t: Translate, row: Pick<LibraryRow, 'municipalities'>): string {
  return row.municipalities.length
    ? row.municipalities.map((m) => m.name).join('・')
    : t('lib.allPrefecture');
}

/** The review-due badge: text, not colour alone. */
export function StaleBadge({ t, stale }: { t: Translate; stale: boolean }) {
  if (!stale) return null;
  return (
    <span className="ml-2 inline-block rounded-4 border border-warning-yellow-2 bg-warning-yellow-1/20 px-2 text-dns-14B-130 text-solid-gray-900">
      {t('lib.stale')}
    </span>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
