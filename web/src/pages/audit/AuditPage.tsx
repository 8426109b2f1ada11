import { useState } from 'react';
import { buttonClass } from '../../components/Button';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import {
  AUDIT_PAGE_SIZE,
  auditExportUrl,
  type AuditFilters as Filters,
  useAuditLog,
} from '../../lib/queries/audit';
import { isRole, roleLabel } from '../../lib/roles';
import { AuditFilters, actionLabel } from './AuditFilters';
import { AuditVerify } from './AuditVerify';
import { type AuditObjects, detailLines, entityTypeLabel, objectLabel } from './describe';

/** The objects an entry names, by name where the reader may see them; each opens its own entries. */
function Objects({
  ids,
  objects,
  onPick,
}: {
  ids: string[];
  objects: AuditObjects;
  onPick: (id: string, name: string) => void;
}) {
  const t = useT();
  if (ids.length === 0) return null;
  const named = ids.filter((id) => objects[id]);
  const unnamed = ids.length - named.length;
  const shown = named.slice(0, 2);
  const rest = named.slice(2);
  const button = (id: string) => {
    const name = objectLabel(t, id, objects);
    return (
      <li key={id}>
        <button
          type="button"
          className="min-h-11 text-left text-key-900 underline underline-offset-4"
          aria-label={t('audit.objectPick', { name })}
          onClick={() => onPick(id, name)}
        >
          {name}
        </button>
      </li>
    );
  };
  return (
    <>
      <ul className="text-dns-16N-130">{shown.map(button)}</ul>
      {rest.length > 0 && (
        <details className="mt-1">
          <summary className="min-h-11 cursor-pointer py-2 text-key-900 underline">
            {t('audit.moreObjects', { n: rest.length })}
          </summary>
          <ul className="text-dns-16N-130">{rest.map(button)}</ul>
        </details>
      )}
      {unnamed > 0 && (
        <span className="block text-dns-14N-130 text-solid-gray-700">
          {named.length === 0 ? t('audit.ids', { n: unnamed }) : t('audit.moreObjects', { n: unnamed })}
        </span>
      )}
    </>
  );
}

/** An entry's detail as labelled lines. */
function Detail({ detail, objects }: { detail: unknown; objects: AuditObjects }) {
  const t = useT();
  const lines = detailLines(t, detail, objects);
  if (lines.length === 0) return null;
  return (
    <dl className="text-dns-14N-130">
      {lines.map((l) => (
        <div key={l.key} className="flex flex-wrap gap-x-2">
          <dt className="text-solid-gray-700">{l.label}</dt>
          <dd className="break-words">{l.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** 監査ログ: search, export (Excel/CSV, as the filters stand) and chain verification. */
export function AuditPage() {
  const t = useT();
  const { locale } = useLocale();
  const [filters, setFilters] = useState<Filters>({});
  const [objectName, setObjectName] = useState<string | null>(null);
  const log = useAuditLog(filters);
  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <Section id="audit-filters" title={t('audit.filters')}>
        <AuditFilters value={filters} onChange={setFilters} objectName={objectName} />
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
              <Table caption={t('audit.listCaption', { n: formatNumber(data.total, locale) })}>
                <thead>
                  <tr>
                    <Th>{t('audit.at')}</Th>
                    <Th className="min-w-56">{t('audit.actor')}</Th>
                    <Th>{t('audit.action')}</Th>
                    <Th className="min-w-56">{t('audit.object')}</Th>
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
                            aria-label={t('audit.actorPick', { name: e.actorName ?? e.actorEmail ?? '' })}
                            onClick={() =>
                              setFilters((f) => ({ ...f, actor: e.actorUserId ?? undefined, page: 1 }))
                            }
                          >
                            {e.actorName ?? e.actorEmail ?? t('audit.objectUnnamed')}
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
                        <span className="block">{entityTypeLabel(t, e.entityType)}</span>
                        <Objects
                          ids={e.entityIds}
                          objects={data.objects}
                          onPick={(id, name) => {
                            setObjectName(name);
                            setFilters((f) => ({ ...f, entityId: id, page: 1 }));
                          }}
                        />
                      </Td>
                      <Td className="max-w-96">
                        <Detail detail={e.detail} objects={data.objects} />
                      </Td>
                      <Td className="font-mono text-dns-14N-130">{e.ip ?? t('common.none')}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Pagination
                page={filters.page ?? 1}
                pageSize={AUDIT_PAGE_SIZE}
                total={data.total}
                onPage={(page) => setFilters((f) => ({ ...f, page }))}
              />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
