import { Link, Outlet, useParams } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { Button } from '../../components/Button';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime, fullName } from '../../lib/format';
import { careItemLabel, useCareTable } from '../../lib/queries/care-table';
import { type ChildRecord, CONSENT_PURPOSES, useChildRecord } from '../../lib/queries/child-record';
import { NotFoundPage } from '../NotFoundPage';
import './print.css';
import { ConsentState, consentInForce } from './record/ConsentsSection';
import { BatteryHours, MainsBadge } from './record/DevicesSection';
import { labelOf } from './record/labels';
import { ageToday } from './record/OverviewSection';
import { scoreOf, tierLabel, watchLabel } from './record/ScoreSummary';

/** The layout of printouts: no banner, no menu, only the page. */
export function PrintShell() {
  return (
    <main id="main" tabIndex={-1} className="min-h-screen bg-white">
      <Outlet />
    </main>
  );
}

const CELL = 'border border-solid-gray-420 px-2 py-1 align-top text-left';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-4 break-inside-avoid">
      <h2 className="mb-1 border-b-2 border-black text-std-17B-170">{title}</h2>
      {children}
    </section>
  );
}

function Grid({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[8rem_1fr_8rem_1fr] text-dns-14N-130">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className={`${CELL} bg-solid-gray-50 font-bold`}>{label}</dt>
          <dd className={CELL}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SmallTable({ head, rows, caption }: { head: string[]; rows: ReactNode[][]; caption: string }) {
  const t = useT();
  if (rows.length === 0) return <p className="text-dns-14N-130">{t('print.noneRecorded')}</p>;
  return (
    <table className="w-full border-collapse text-dns-14N-130">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className={`${CELL} bg-solid-gray-50`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for one render of a printout
          <tr key={i}>
            {r.map((cell, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={j} className={CELL}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Summary({ c }: { c: ChildRecord }) {
  const t = useT();
  const { locale } = useLocale();
  const table = useCareTable();
  const score = scoreOf(c, table);
  const age = ageToday(c.birthDate);
  const none = t('common.none');
  return (
    <>
      <Block title={t('child.basic')}>
        <Grid
          rows={[
            [t('children.name'), <strong key="n">{fullName(c.familyName, c.givenName)}</strong>],
            [t('children.kana'), fullName(c.familyKana, c.givenKana)],
            [
              t('children.birthDate'),
              `${formatDate(c.birthDate, locale)}${age !== null ? ` ${t('list.age', { n: age })}` : ''}`,
            ],
            [t('children.sex'), labelOf(t, 'sex', c.sex)],
            [t('children.municipality'), c.municipalityName],
            [t('field.address'), c.address ?? none],
            [t('children.status'), labelOf(t, 'status', c.status)],
            [t('field.lifeStage'), labelOf(t, 'stage', c.lifeStage)],
          ]}
        />
        {c.livingSituation && (
          <p className="mt-1 text-dns-14N-130 whitespace-pre-line">
            <strong className="mr-2">{t('field.livingSituation')}</strong>
            {c.livingSituation}
          </p>
        )}
      </Block>
      <Block title={t('record.guardians')}>
        <SmallTable
          caption={t('record.guardians')}
          head={[t('field.name'), t('field.relationship'), t('field.phone'), t('field.email')]}
          rows={c.guardians.map((g) => [
            `${fullName(g.familyName, g.givenName)}${g.isPrimary ? `（${t('record.primary')}）` : ''}`,
            g.relationship,
            g.phone ?? none,
            g.email ?? none,
          ])}
        />
      </Block>
      <div className="grid grid-cols-2 gap-4 print:grid-cols-2">
        <Block title={t('record.diagnoses')}>
          <SmallTable
            caption={t('record.diagnoses')}
            head={[t('field.diagnosis'), t('field.icd10')]}
            rows={c.diagnoses.map((d) => [d.name, d.icd10 ?? none])}
          />
        </Block>
        <Block title={t('record.physicians')}>
          <SmallTable
            caption={t('record.physicians')}
            head={[t('field.hospitalName'), t('field.department'), t('field.physicianName')]}
            rows={c.physicians.map((p) => [p.hospitalName, p.department ?? none, p.physicianName ?? none])}
          />
        </Block>
      </div>
      <Block title={t('record.care')}>
        {score && c.careItems.length > 0 && (
          <p className="mb-1 text-std-16B-170">
            <span className="mr-4">{t('care.scoreValue', { n: score.total })}</span>
            {tierLabel(t, score.tier)}
          </p>
        )}
        <SmallTable
          caption={t('care.items')}
          head={[t('care.item'), t('care.watchLevel'), t('care.judgedOn')]}
          rows={c.careItems.map((i) => [
            careItemLabel(table, i.code, locale),
            watchLabel(t, i.watch),
            i.judgedOn ? formatDate(i.judgedOn, locale) : none,
          ])}
        />
      </Block>
      <Block title={t('record.devices')}>
        <SmallTable
          caption={t('record.devices')}
          head={[t('field.deviceKind'), t('field.needsMains'), t('field.batteryHours'), t('field.note')]}
          rows={c.devices.map((d) => [
            [labelOf(t, 'device.kind', d.kind), d.name].filter(Boolean).join(' '),
            <MainsBadge key="m" device={d} />,
            <BatteryHours key="b" device={d} />,
            d.note ?? none,
          ])}
        />
      </Block>
      <div className="grid grid-cols-2 gap-4 print:grid-cols-2">
        <Block title={t('child.affiliations')}>
          <SmallTable
            caption={t('child.affiliations')}
            head={[t('child.organisation'), t('child.kind'), t('child.startedOn')]}
            rows={c.affiliations
              .filter((a) => !a.endedOn)
              .map((a) => [
                a.organisationName,
                labelOf(t, 'affiliation.kind', a.kind),
                formatDate(a.startedOn, locale),
              ])}
          />
        </Block>
        <Block title={t('record.consents')}>
          <SmallTable
            caption={t('consent.inForce')}
            head={[t('consent.purposeLabel'), t('consent.state')]}
            rows={CONSENT_PURPOSES.map((p) => [
              labelOf(t, 'consent.purpose', p),
              <ConsentState key="s" consent={consentInForce(c.consents, p)} />,
            ])}
          />
        </Block>
      </div>
    </>
  );
}

/** 児童の概要（印刷用）: one or two A4 pages with the key facts, no menu; the browser's print dialog does the rest. */
export function ChildPrintPage() {
  const t = useT();
  const { locale } = useLocale();
  const { childId } = useParams({ from: '/print/children/$childId/print' });
  const child = useChildRecord(childId);
  const name = child.data ? fullName(child.data.familyName, child.data.givenName) : '';
  useEffect(() => {
    document.title = `${name ? `${name} — ` : ''}${t('print.title')} | ${t('app.titleSuffix')}`;
  }, [name, t]);
  if (isApiError(child.error) && child.error.status === 404) return <NotFoundPage />;
  return (
    <div className="child-summary mx-auto max-w-[210mm] bg-white p-6 print:max-w-none print:p-0">
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Button onClick={() => window.print()}>{t('print.print')}</Button>
        <Link to="/children/$childId" params={{ childId }} className="inline-flex min-h-11 items-center">
          {t('print.back')}
        </Link>
      </div>
      <header className="mb-3 flex items-end justify-between border-b-4 border-black pb-1">
        <h1 className="text-std-22B-150">{t('print.title')}</h1>
        <p className="text-dns-14N-130">
          {t('print.printedAt', { at: formatDateTime(new Date().toISOString(), locale) })}
        </p>
      </header>
      <QueryState query={child}>{(c) => <Summary c={c} />}</QueryState>
      <p className="mt-4 border-t border-black pt-1 text-dns-14N-130">{t('print.confidential')}</p>
    </div>
  );
}
