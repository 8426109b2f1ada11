import { useLocale, useT } from '../i18n';
import { formatNumber } from '../lib/format';
import { Button } from './Button';

/** "n件中 a〜b件" and previous/next buttons. */
export function Pagination({
  page,
  pageSize,
  total,
  totalLabel,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** Shown instead of the number when the total is a lower bound ("1,000件以上"). */
  totalLabel?: string;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t('common.pagination')} className="my-4 flex flex-wrap items-center gap-4 print:hidden">
      <p className="text-std-16N-170" aria-live="polite">
        {t('common.results', {
          total: totalLabel ?? formatNumber(total, locale),
          from: formatNumber(from, locale),
          to: formatNumber(to, locale),
        })}
      </p>
      {pages > 1 && (
        <div className="flex items-center gap-2">
          <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('common.prev')}
          </Button>
          <span className="text-std-16N-170">{t('common.pageOf', { page, pages })}</span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('common.next')}
          </Button>
        </div>
      )}
    </nav>
  );
}
