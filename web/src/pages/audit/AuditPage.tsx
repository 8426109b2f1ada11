import { useState } from 'react';
import { buttonClass } from '../../components/Button';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import {
  AUDIT_PAGE_SIZE,
  auditExportUrl,
  type AuditFilters as Filters,
  useAuditLog,
} from '../../lib/queries/audit';
import { isRole, roleLabel } from '../../lib/roles';
import { AuditFilters, actionLabel } from './AuditFilters';
import { AuditVerify } from './AuditVerify';

function detailText(detail: unknown): string {
  if (!detail || (typeof detail === 'object' && Object.keys(detail).length === 0)) return '';
  return JSON.stringify(detail);
}

/** A few ids inline; long lists (a search's results) fold away. */
function EntityIds({ ids }: { ids: string[] }) {
  const t = useT();
  if (ids.length === 0) return null;
  const cls = 'block font-mono text-dns-14N-130 break-all text-solid-gray-700';
  if (ids.length <= 2) return <span className={cls}>{ids.join(', ')}</span>;
  return (
    <details className="mt-1">
      <summary className="min-h-11 cursor-pointer py-2 text-key-900 underline">
        {t('audit.ids', { n: ids.length })}
      </summary>
      <span className={cls}>{ids.join(', ')}</span>
    </details>
  );
}

/** 監査ログ: search, export (Excel/CSV, as the filters stand) and chain verification. */
export function AuditPage() {
  const t = useT();
  const { locale } = useLocale();
  const [filters, setFilters] = useState<Filters>({});
  const log = useAuditLog(filters);
  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <Section id="audit-filters" title={t('audit.filters')}>
        <AuditFilters value={filters} onChange={setFilters} />
      </Section>
      <div className="mb-6 flex flex-wrap items-start gap-3 print:hidden">
        <a
          href={auditExportUrl('xlsx', filters)}
          download
          className={buttonClass('secondary', 'no-underline')}
        >
          {t('audit.exportXlsx')}
        </a>
        <a
          href={auditExportUrl('csv', filters)}
          download
          className={buttonClass('secondary', 'no-underline')}
        >
          {t('audit.exportCsv')}
        </a>
      </div>
      <AuditVerify />
      <QueryState query={log}>
        {(data) =>
          data.items.length === 0 ? (
            <p role="status">{t('audit.empty')}</p>
          ) : (
            <>
              <Pagination
                page={filters.page ?? 1}
                pageSize={AUDIT_PAGE_SIZE}
                total={data.total}
                onPage={(page) => setFilters((f) => ({ ...f, page }))}
              />
              <Table caption={t('audit.title')} captionHidden>
                <thead>
                  <tr>
                    <Th>{t('audit.at')}</Th>
                    <Th className="min-w-56">{t('audit.actor')}</Th>
                    <Th>{t('audit.action')}</Th>
                    <Th className="min-w-56">{t('audit.entityType')}</Th>
                    <Th className="min-w-56">{t('audit.detail')}</Th>
                    <Th>{t('audit.ip')}</Th>
                  </tr>
                </thead>
                <tbody className="text-dns-16N-130">
                  {data.items.map((e) => (
                    <tr key={e.id}>
                      <Td className="whitespace-nowrap tabular-nums">{formatDateTime(e.at, locale)}</Td>
                      <Td>
                        {e.actorUserId ? (
                          <button
                            type="button"
                            className="min-h-11 text-left text-key-900 underline underline-offset-4 break-all"
                            onClick={() =>
                              setFilters((f) => ({ ...f, actor: e.actorUserId ?? undefined, page: 1 }))
                            }
                          >
                            {e.actorEmail ?? e.actorUserId}
                          </button>
                        ) : (
                          t('common.none')
                        )}
                        {e.actorRole && isRole(e.actorRole) && (
                          <span className="block text-dns-14N-130 text-solid-gray-700">
                            {roleLabel(e.actorRole, locale)}
                          </span>
                        )}
                      </Td>
                      <Td className="whitespace-nowrap">{actionLabel(e.action, locale)}</Td>
                      <Td>
                        {e.entityType}
                        <EntityIds ids={e.entityIds} />
                      </Td>
                      <Td className="max-w-80 font-mono text-dns-14N-130 break-all">
                        {detailText(e.detail)}
                      </Td>
                      <Td className="font-mono text-dns-14N-130">{e.ip ?? t('common.none')}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
