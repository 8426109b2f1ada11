import { useState } from 'react';
import { Button, buttonClass } from '../../components/Button';
import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import {
  discrepancyWorkbookHref,
  type Member,
  useDiscrepancies,
  useDiscrepancySummary,
} from '../../lib/queries/census';

/**
 * Per municipality: children other sources know that its own list lacks, and conflicting birth date, sex or
 * residence — each municipality's workbook to send back (ME-3's feedback loop), and the list on screen.
 */
export function DiscrepancySection({ runId }: { runId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const summary = useDiscrepancySummary(runId, true);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Section id="census-discrepancies" title={t('census.disc.title')}>
      <p className="mb-4 max-w-3xl text-std-16N-170 text-solid-gray-700">{t('census.disc.intro')}</p>
      <QueryState query={summary}>
        {(data) =>
          data.municipalities.length === 0 ? (
            <p>{t('census.disc.none')}</p>
          ) : (
            <>
              <Table caption={t('census.disc.caption')} captionHidden>
                <thead>
                  <tr>
                    <Th>{t('census.results.municipality')}</Th>
                    <Th>{t('census.disc.missing')}</Th>
                    <Th>{t('census.disc.conflicts')}</Th>
                    <Th className="print:hidden">{t('common.actions')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.municipalities.map((m) => (
                    <tr key={m.code}>
                      <RowTh className="font-bold">{m.name}</RowTh>
                      <Td className="tabular-nums">
                        {t('common.count', { n: formatNumber(m.missing, locale) })}
                      </Td>
                      <Td className="tabular-nums">
                        {t('common.count', { n: formatNumber(m.conflicts, locale) })}
                      </Td>
                      <Td className="print:hidden">
                        <div className="flex flex-wrap gap-2">
                          <a
                            href={discrepancyWorkbookHref(runId, m.code)}
                            download
                            className={buttonClass('secondary', 'no-underline')}
                          >
                            {t('census.disc.download', { name: m.name })}
                          </a>
                          <Button
                            variant="text"
                            aria-expanded={open === m.code}
                            onClick={() => setOpen(open === m.code ? null : m.code)}
                          >
                            {open === m.code
                              ? t('census.disc.hide', { name: m.name })
                              : t('census.disc.show', { name: m.name })}
                          </Button>
                        </div>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {open && <DiscrepancyList runId={runId} code={open} />}
            </>
          )
        }
      </QueryState>
    </Section>
  );
}

function who(m: Member | null, locale: 'ja' | 'en'): string {
  if (!m) return '—';
  return [m.name ?? m.kana ?? '—', formatDate(m.birthDate, locale), m.municipalityName ?? '']
    .filter(Boolean)
    .join(' / ');
}

function DiscrepancyList({ runId, code }: { runId: string; code: string }) {
  const t = useT();
  const { locale } = useLocale();
  const list = useDiscrepancies(runId, code);
  return (
    <QueryState query={list}>
      {(data) => (
        <Table caption={t('census.disc.listOf', { name: data.municipalityName })}>
          <thead>
            <tr>
              <Th>{t('census.disc.kind')}</Th>
              <Th>{t('census.disc.own')}</Th>
              <Th>{t('census.disc.others')}</Th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={`${d.cluster}:${d.kind}:${d.own?.idx ?? ''}:${d.others.map((o) => o.idx).join(',')}`}>
                <RowTh className="font-bold whitespace-nowrap">{t(`census.discKind.${d.kind}`)}</RowTh>
                <Td>{who(d.own, locale)}</Td>
                <Td>
                  <ul>
                    {d.others.map((o) => (
                      <li key={o.idx}>
                        {who(o, locale)}（{o.sourceName}）
                      </li>
                    ))}
                  </ul>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </QueryState>
  );
}
