import { Link, Outlet, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import {
  AFFILIATION_KIND_LABELS,
  CHILD_STATUS_LABELS,
  CONSENT_PURPOSE_LABELS,
  DEVICE_KIND_LABELS,
  LIFE_STAGE_LABELS,
  SEX_LABELS,
} from '../../../../src/shared/vocab/registry';
import { PRINT_BACK_LINK, PrintBlock, PrintFacts, PrintSheet, PrintTable } from '../../components/PrintSheet';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDate, fullName } from '../../lib/format';
import { careItemLabel, useCareTable } from '../../lib/queries/care-table';
import { type ChildRecord, CONSENT_PURPOSES, useChildRecord } from '../../lib/queries/child-record';
import { NotFoundPage } from '../NotFoundPage';
import './print.css';
import { ConsentState, consentInForce } from './record/ConsentsSection';
import { BatteryHours, MainsBadge } from './record/DevicesSection';
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

function Summary({ c }: { c: ChildRecord }) {
  const t = useT();
  const { locale } = useLocale();
  const table = useCareTable();
  const score = scoreOf(c, table);
  const age = ageToday(c.birthDate);
  const none = t('common.none');
  return (
    <>
      <PrintBlock title={t('child.basic')}>
        <PrintFacts
          rows={[
            [t('children.name'), <strong key="n">{fullName(c.familyName, c.givenName)}</strong>],
            [t('children.kana'), fullName(c.familyKana, c.givenKana)],
            [
              t('children.birthDate'),
              `${formatDate(c.birthDate, locale, { western: true })}${age !== null ? ` ${t('list.age', { n: age })}` : ''}`,
            ],
            [t('children.sex'), vocab(t, SEX_LABELS, c.sex)],
            [t('children.municipality'), c.municipalityName],
            [t('field.address'), c.address ?? none],
            [t('children.status'), vocab(t, CHILD_STATUS_LABELS, c.status)],
            [t('field.lifeStage'), vocab(t, LIFE_STAGE_LABELS, c.lifeStage)],
          ]}
        />
        {c.livingSituation && (
          <p className="mt-1 text-dns-14N-130 whitespace-pre-line">
            <strong className="mr-2">{t('field.livingSituation')}</strong>
            {c.livingSituation}
          </p>
        )}
      </PrintBlock>
      <PrintBlock title={t('record.guardians')}>
        <PrintTable
          caption={t('record.guardians')}
          head={[t('field.name'), t('field.relationship'), t('field.phone'), t('field.email')]}
          rows={c.guardians.map((g) => [
            `${fullName(g.familyName, g.givenName)}${g.isPrimary ? `（${t('record.primary')}）` : ''}`,
            g.relationship,
            g.phone ?? none,
            g.email ?? none,
          ])}
        />
      </PrintBlock>
      <div className="grid grid-cols-2 gap-4 print:grid-cols-2">
        <PrintBlock title={t('record.diagnoses')}>
          <PrintTable
            caption={t('record.diagnoses')}
            head={[t('field.diagnosis'), t('field.icd10')]}
            rows={c.diagnoses.map((d) => [d.name, d.icd10 ?? none])}
          />
        </PrintBlock>
        <PrintBlock title={t('record.physicians')}>
          <PrintTable
            caption={t('record.physicians')}
            head={[t('field.hospitalName'), t('field.department'), t('field.physicianName')]}
            rows={c.physicians.map((p) => [p.hospitalName, p.department ?? none, p.physicianName ?? none])}
          />
        </PrintBlock>
      </div>
      <PrintBlock title={t('record.care')}>
        {score && c.careItems.length > 0 && (
          <p className="mb-1 text-std-16B-170">
            <span className="mr-4">{t('care.scoreValue', { n: score.total })}</span>
            {tierLabel(t, score.tier)}
          </p>
        )}
        <PrintTable
          caption={t('care.items')}
          head={[t('care.item'), t('care.watchLevel'), t('care.judgedOn')]}
          rows={c.careItems.map((i) => [
            careItemLabel(table, i.code, locale),
            watchLabel(t, i.watch),
            i.judgedOn ? formatDate(i.judgedOn, locale) : none,
          ])}
        />
      </PrintBlock>
      <PrintBlock title={t('record.devices')}>
        <PrintTable
          caption={t('record.devices')}
          head={[t('field.deviceKind'), t('field.needsMains'), t('field.batteryHours'), t('field.note')]}
          rows={c.devices.map((d) => [
            [vocab(t, DEVICE_KIND_LABELS, d.kind), d.name].filter(Boolean).join(' '),
            <MainsBadge key="m" device={d} />,
            <BatteryHours key="b" device={d} />,
            d.note ?? none,
          ])}
        />
      </PrintBlock>
      <div className="grid grid-cols-2 gap-4 print:grid-cols-2">
        <PrintBlock title={t('child.affiliations')}>
          <PrintTable
            caption={t('child.affiliations')}
            head={[t('child.organisation'), t('child.kind'), t('child.startedOn')]}
            rows={c.affiliations
              .filter((a) => !a.endedOn)
              .map((a) => [
                a.organisationName,
                vocab(t, AFFILIATION_KIND_LABELS, a.kind),
                formatDate(a.startedOn, locale),
              ])}
          />
        </PrintBlock>
        <PrintBlock title={t('record.consents')}>
          <PrintTable
            caption={t('consent.inForce')}
            head={[t('consent.purposeLabel'), t('consent.state')]}
            rows={CONSENT_PURPOSES.map((p) => [
              vocab(t, CONSENT_PURPOSE_LABELS, p),
              <ConsentState key="s" consent={consentInForce(c.consents, p)} />,
            ])}
          />
        </PrintBlock>
      </div>
    </>
  );
}

/** 児童の概要（印刷用）: one or two A4 pages with the key facts, no menu; the browser's print dialog does the rest. */
export function ChildPrintPage() {
  const t = useT();
  const { childId } = useParams({ from: '/print/children/$childId/print' });
  const child = useChildRecord(childId);
  const name = child.data ? fullName(child.data.familyName, child.data.givenName) : '';
  useEffect(() => {
    document.title = `${name ? `${name} — ` : ''}${t('print.title')} | ${t('app.titleSuffix')}`;
  }, [name, t]);
  if (isApiError(child.error) && child.error.status === 404) return <NotFoundPage />;
  return (
    <PrintSheet
      sheetClass="child-summary"
      title={t('print.title')}
      back={
        <Link to="/children/$childId" params={{ childId }} className={PRINT_BACK_LINK}>
          {t('print.back')}
        </Link>
      }
    >
      <QueryState query={child}>{(c) => <Summary c={c} />}</QueryState>
    </PrintSheet>
  );
}
