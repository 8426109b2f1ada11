import { Link, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import {
  BACKUP_POWER_LABELS,
  DISASTER_CONTACT_KIND_LABELS,
  EVACUATION_INTENT_LABELS,
} from '../../../../src/shared/vocab/disaster';
import { DEVICE_KIND_LABELS, SEX_LABELS } from '../../../../src/shared/vocab/registry';
import { PRINT_BACK_LINK, PrintBlock, PrintFacts, PrintSheet, PrintTable } from '../../components/PrintSheet';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDate, fullName } from '../../lib/format';
import { careItemLabel, useCareTable } from '../../lib/queries/care-table';
import { type EmergencySheetView, useEmergencySheet } from '../../lib/queries/disaster';
import { NotFoundPage } from '../NotFoundPage';
import './print.css';

const dash = (s: string | null | undefined) => (s?.trim() ? s : '—');

/** The sheet's body under MEIS's summary headings: 基本情報, 診療情報・医療機器, ケア記録, 救急サマリー. */
function Sheet({ s }: { s: EmergencySheetView }) {
  const t = useT();
  const { locale } = useLocale();
  const table = useCareTable();
  const v = s.sheet.baselineVitals ?? {};
  const c = s.child;
  return (
    <>
      <PrintBlock title={t('dis.print.basic')}>
        <PrintFacts
          rows={[
            [t('dis.print.name'), `${fullName(c.familyName, c.givenName)}（${c.familyKana} ${c.givenKana}）`],
            [t('dis.print.birth'), `${formatDate(c.birthDate, locale)} · ${vocab(t, SEX_LABELS, c.sex)}`],
            [t('dis.print.address'), `${c.municipalityName} ${c.address ?? ''}`],
            [t('dis.sheet.bloodType'), dash(s.sheet.bloodType)],
            [t('dis.sheet.allergies'), dash(s.sheet.allergies)],
            [t('dis.sheet.wishes'), dash(s.sheet.wishes)],
          ]}
        />
        <PrintTable
          caption={t('dis.contacts')}
          head={[t('dis.contactKind'), t('dis.contactOrg'), t('dis.contactPhone')]}
          rows={[
            ...s.guardians.map((g) => [g.relationship, fullName(g.familyName, g.givenName), dash(g.phone)]),
            ...s.contacts.map((x) => [
              vocab(t, DISASTER_CONTACT_KIND_LABELS, x.kind),
              [x.organisation, x.name].filter(Boolean).join(' '),
              dash(x.phone),
            ]),
          ]}
        />
      </PrintBlock>
      <PrintBlock title={t('dis.print.clinical')}>
        <p className="text-dns-14N-130">
          {t('dis.print.diagnoses')}: {s.diagnoses.length ? s.diagnoses.map((d) => d.name).join('、') : '—'}
        </p>
        <p className="text-dns-14N-130">
          {t('dis.print.physicians')}:{' '}
          {s.physicians.length
            ? s.physicians
                .map((p) => [p.hospitalName, p.department, p.physicianName].filter(Boolean).join(' '))
                .join('、')
            : '—'}
        </p>
        <PrintTable
          caption={t('dis.col.devices')}
          head={[t('dis.col.devices'), t('dis.needsMains'), t('dis.col.battery')]}
          rows={s.devices.map((d) => [
            `${vocab(t, DEVICE_KIND_LABELS, d.kind)}${d.name ? `（${d.name}）` : ''}`,
            d.needsMains ? t('dis.yes') : t('dis.no'),
            d.batteryHours === null ? '—' : t('dis.hours', { h: String(d.batteryHours) }),
          ])}
        />
        <PrintFacts
          rows={[
            [
              t('dis.sheet.deviceSettings'),
              <span key="v" className="whitespace-pre-wrap">
                {dash(s.sheet.deviceSettings)}
              </span>,
            ],
            [
              t('dis.backup'),
              s.power.backupPower.length
                ? s.power.backupPower.map((b) => vocab(t, BACKUP_POWER_LABELS, b)).join('、')
                : '—',
            ],
            [
              t('dis.col.battery'),
              s.power.batteryHoursTotal === null
                ? '—'
                : t('dis.hours', { h: String(s.power.batteryHoursTotal) }),
            ],
            [
              t('dis.evacuation'),
              s.power.evacuation ? vocab(t, EVACUATION_INTENT_LABELS, s.power.evacuation) : '—',
            ],
          ]}
        />
      </PrintBlock>
      <PrintBlock title={t('dis.print.care')}>
        <p className="text-dns-14N-130">
          {t('dis.print.careItems')}:{' '}
          {s.careItems.length ? s.careItems.map((i) => careItemLabel(table, i.code, locale)).join('、') : '—'}
        </p>
        <PrintFacts
          rows={[
            ['SpO₂', dash(v.spo2)],
            [t('dis.sheet.heartRate'), dash(v.heartRate)],
            [t('dis.sheet.respiratoryRate'), dash(v.respiratoryRate)],
            [t('dis.sheet.temperature'), dash(v.temperature)],
            [t('dis.sheet.bloodPressure'), dash(v.bloodPressure)],
            [t('dis.sheet.neuro'), dash(s.sheet.neuroBaseline)],
          ]}
        />
      </PrintBlock>
      <PrintBlock title={t('dis.print.emergency')}>
        <PrintFacts
          wideLabels
          rows={[
            [
              t('dis.sheet.medicines'),
              <span key="v" className="whitespace-pre-wrap">
                {dash(s.sheet.medicines)}
              </span>,
            ],
            [
              t('dis.sheet.avoid'),
              <span key="v" className="whitespace-pre-wrap">
                {dash(s.sheet.avoid)}
              </span>,
            ],
          ]}
        />
        <PrintTable
          caption={t('dis.sheet.emergencies')}
          head={[t('dis.sheet.problem'), t('dis.sheet.handling')]}
          rows={(s.sheet.emergencies ?? []).map((e) => [
            e.problem,
            <span key="h" className="whitespace-pre-wrap">
              {e.handling}
            </span>,
          ])}
        />
      </PrintBlock>
      <p className="text-dns-14N-130">
        {s.confirmation.confirmedOn
          ? t('dis.print.confirmed', {
              on: formatDate(s.confirmation.confirmedOn, locale),
              by: s.confirmation.confirmedBy ?? '',
            })
          : t('dis.sheet.notConfirmed')}
      </p>
    </>
  );
}

/** 緊急時シート（印刷用）: one A4 for the family to keep by the ventilator and hand to paramedics. */
export function EmergencySheetPage() {
  const t = useT();
  const { childId } = useParams({ strict: false }) as { childId: string };
  const sheet = useEmergencySheet(childId);
  const name = sheet.data ? fullName(sheet.data.child.familyName, sheet.data.child.givenName) : '';
  useEffect(() => {
    document.title = `${name ? `${name} — ` : ''}${t('dis.sheetTitle')} | ${t('app.titleSuffix')}`;
  }, [name, t]);
  if (isApiError(sheet.error) && sheet.error.status === 404) return <NotFoundPage />;
  return (
    <PrintSheet
      sheetClass="emergency-sheet"
      title={`${t('dis.sheetTitle')}${name ? ` — ${name}` : ''}`}
      back={
        <Link to="/children/$childId/disaster" params={{ childId }} className={PRINT_BACK_LINK}>
          {t('dis.backToProfile')}
        </Link>
      }
    >
      <QueryState query={sheet}>{(s) => <Sheet s={s} />}</QueryState>
    </PrintSheet>
  );
}
