import { AFFILIATION_KIND_LABELS, DEVICE_KIND_LABELS } from '../../../../../src/shared/vocab/registry';
import { useLocale, useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDate } from '../../../lib/format';
import {
  AFFILIATION_KINDS,
  type Affiliation,
  type ChildRecord,
  DEVICE_KINDS,
  type Device,
} from '../../../lib/queries/child-record';
import { CollectionSection } from './CollectionSection';
import { todayIso } from './dates';
import type { FieldDef } from './ItemForm';

/** A device that stops when the power fails: what disaster planning (個別避難計画) must look at first. */
export function MainsBadge({ device }: { device: Device }) {
  const t = useT();
  if (!device.needsMains) return <span>{t('device.noMains')}</span>;
  return (
    <strong className="inline-flex items-center gap-1 rounded-4 border-2 border-orange-700 bg-orange-50 px-2 text-std-16B-170 text-orange-1100">
      <span aria-hidden="true">⚡</span>
      {t('device.needsMains')}
    </strong>
  );
}

export function BatteryHours({ device }: { device: Device }) {
  const t = useT();
  if (device.batteryHours === null) {
    return device.needsMains ? (
      <strong className="text-error-2">{t('device.batteryUnknown')}</strong>
    ) : (
      <span>{t('common.none')}</span>
    );
  }
  return (
    <strong className={device.needsMains && device.batteryHours < 8 ? 'text-error-2' : ''}>
      {t('device.hours', { n: device.batteryHours })}
    </strong>
  );
}

/** 医療機器: with the power needs highlighted (a power cut is the first disaster risk). */
export function DevicesSection({ child }: { child: ChildRecord }) {
  const t = useT();
  const fields: FieldDef[] = [
    {
      name: 'kind',
      label: 'field.deviceKind',
      kind: 'select',
      required: true,
      options: vocabOptions(t, DEVICE_KINDS, DEVICE_KIND_LABELS),
    },
    { name: 'name', label: 'field.deviceName', kind: 'text' },
    { name: 'needsMains', label: 'field.needsMains', kind: 'checkbox' },
    { name: 'batteryHours', label: 'field.batteryHours', kind: 'number', hint: 'device.batteryHint' },
    { name: 'note', label: 'field.note', kind: 'textarea' },
  ];
  const mains = child.devices.filter((d) => d.needsMains);
  const known = mains.map((d) => d.batteryHours).filter((h): h is number => h !== null);
  const shortest = known.length ? Math.min(...known) : null;
  return (
    <CollectionSection<Device>
      child={child}
      collection="devices"
      id="child-devices"
      title={t('record.devices')}
      rows={child.devices}
      fields={fields}
      rowName={(d) => d.name || vocab(t, DEVICE_KIND_LABELS, d.kind)}
      empty="record.noDevices"
      addLabel="record.addDevice"
      intro={
        mains.length > 0 && (
          <p className="mb-4 rounded-8 border-2 border-orange-700 bg-orange-50 px-4 py-3 text-std-16B-170 text-orange-1100">
            {shortest === null
              ? t('device.summaryNoBattery', { n: mains.length })
              : t('device.summary', { n: mains.length, hours: shortest })}
          </p>
        )
      }
      columns={[
        {
          label: 'field.deviceKind',
          cell: (d) => (
            <>
              <span className="font-bold">{vocab(t, DEVICE_KIND_LABELS, d.kind)}</span>
              {d.name && <span className="block text-dns-14N-130 text-solid-gray-700">{d.name}</span>}
            </>
          ),
        },
        { label: 'field.needsMains', cell: (d) => <MainsBadge device={d} /> },
        {
          label: 'field.batteryHours',
          cell: (d) => <BatteryHours device={d} />,
          className: 'whitespace-nowrap',
        },
        { label: 'field.note', cell: (d) => d.note ?? t('common.none') },
      ]}
    />
  );
}

/**
 * 所属・利用機関: nursery, school, day services … over time. Those the child still attends (no end date, or one
 * not yet passed) stay in view; the ended ones fold under a line with their count.
 */
export function AffiliationsSection({ child }: { child: ChildRecord }) {
  const t = useT();
  const { locale } = useLocale();
  const fields: FieldDef[] = [
    {
      name: 'kind',
      label: 'child.kind',
      kind: 'select',
      required: true,
      options: vocabOptions(t, AFFILIATION_KINDS, AFFILIATION_KIND_LABELS),
    },
    { name: 'organisationId', label: 'child.organisation', kind: 'organisation', required: true },
    { name: 'startedOn', label: 'child.startedOn', kind: 'date', required: true },
    { name: 'endedOn', label: 'child.endedOn', kind: 'date' },
    {
      name: 'detail',
      label: 'field.affiliationDetail',
      kind: 'text',
      hint: 'record.affiliationDetailHint',
      wide: true,
    },
  ];
  const today = todayIso();
  const ended = child.affiliations.filter((a) => a.endedOn !== null && a.endedOn < today);
  const current = child.affiliations.filter((a) => !ended.includes(a));
  return (
    <CollectionSection<Affiliation>
      child={child}
      collection="affiliations"
      id="child-affiliations"
      title={t('child.affiliations')}
      rows={current}
      folded={{
        rows: ended,
        summary: t('record.openEndedAffiliations', { n: ended.length }),
        caption: t('record.endedAffiliations'),
        testId: 'fold-ended-affiliations',
      }}
      fields={fields}
      rowName={(a) => a.organisationName}
      empty={ended.length > 0 ? 'record.noCurrentAffiliations' : 'child.noAffiliations'}
      addLabel="record.addAffiliation"
      columns={[
        {
          label: 'child.organisation',
          cell: (a) => (
            <>
              <span className="font-bold">{a.organisationName}</span>
              {a.detail && <span className="block text-dns-14N-130 text-solid-gray-700">{a.detail}</span>}
            </>
          ),
        },
        { label: 'child.kind', cell: (a) => vocab(t, AFFILIATION_KIND_LABELS, a.kind) },
        {
          label: 'child.startedOn',
          cell: (a) => formatDate(a.startedOn, locale),
          className: 'whitespace-nowrap',
        },
        {
          label: 'child.endedOn',
          cell: (a) => (a.endedOn ? formatDate(a.endedOn, locale) : t('record.current')),
          className: 'whitespace-nowrap',
        },
      ]}
    />
  );
}
