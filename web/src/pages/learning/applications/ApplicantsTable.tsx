import { useState } from 'react';
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  PROFESSION_GROUP_LABELS,
  PROFESSION_LABELS,
} from '../../../../../src/shared/vocab/learning';
import { SELECTION_REASON_LABELS } from '../../../../../src/shared/vocab/learning-selection';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDateTime } from '../../../lib/format';
import type { Applicant, Applicants } from './applications-api';
import { ACTION_LABEL, type SeatIntent } from './SeatDialog';

/** The status with the waiting-list place (補欠 3番). */
export function StatusText({ a }: { a: Pick<Applicant, 'status' | 'waitRank'> }) {
  const t = useT();
  const label = vocab(t, APPLICATION_STATUS_LABELS, a.status);
  return (
    <>{a.status === 'waiting' && a.waitRank ? t('selection.waitRank', { label, n: a.waitRank }) : label}</>
  );
}

/** The pre-survey answers of a follow-up course, folded. */
function PreSurvey({ a }: { a: Applicant }) {
  const t = useT();
  const s = a.preSurvey;
  if (!s) return null;
  return (
    <details className="mt-1">
      <summary className="min-h-11 cursor-pointer text-key-900 underline underline-offset-4">
        {t('selection.preSurvey')}
      </summary>
      <dl className="grid grid-cols-[10em_1fr] gap-x-2 rounded-8 bg-solid-gray-50 p-2">
        <dt>{t('apply.survey.active')}</dt>
        <dd>{s.activeAsCoordinator ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('apply.survey.cases')}</dt>
        <dd>{s.casesLastYear}</dd>
        <dt>{t('apply.survey.topics')}</dt>
        <dd className="whitespace-pre-wrap">{s.topics || t('common.none')}</dd>
        <dt>{t('apply.survey.challenges')}</dt>
        <dd className="whitespace-pre-wrap">{s.challenges || t('common.none')}</dd>
      </dl>
    </details>
  );
}

/**
 * The applicants with what staff decide on: name, profession and group, region and municipality, workplace,
 * status with the waiting-list place, why (the rule's reason and lottery place, or staff's written reason), and
 * the seat actions. Filters by status and region.
 */
export function ApplicantsTable({
  data,
  onAction,
}: {
  data: Applicants;
  onAction: (intent: SeatIntent) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [status, setStatus] = useState('');
  const [region, setRegion] = useState('');
  const regions = [
    ...new Map(data.items.map((a) => [a.regionId ?? '', a.regionName ?? t('selection.noRegion')])),
  ];
  const rows = data.items.filter(
    (a) => (!status || a.status === status) && (!region || (a.regionId ?? '-') === region),
  );
  return (
    <>
      <div className="flex flex-wrap gap-4">
        <SelectField
          label={t('selection.filter.status')}
          value={status}
          onChange={setStatus}
          emptyLabel={t('common.all')}
          options={vocabOptions(t, APPLICATION_STATUSES, APPLICATION_STATUS_LABELS)}
          wrapperClassName="min-w-48"
        />
        <SelectField
          label={t('selection.filter.region')}
          value={region}
          onChange={setRegion}
          emptyLabel={t('common.all')}
          options={regions.map(([id, name]) => ({ value: id || '-', label: name }))}
          wrapperClassName="min-w-48"
        />
      </div>
      <p role="status" className="mb-2 text-std-16N-170">
        {t('selection.shown', { n: rows.length, total: data.items.length })}
      </p>
      <Table caption={t('selection.applicants')}>
        <thead>
          <tr>
            <Th>{t('selection.col.name')}</Th>
            <Th>{t('selection.col.profession')}</Th>
            <Th>{t('selection.col.region')}</Th>
            <Th>{t('selection.col.workplace')}</Th>
            <Th>{t('selection.col.status')}</Th>
            <Th>{t('selection.col.reason')}</Th>
            <Th>{t('selection.col.lottery')}</Th>
            {data.can.override && <Th>{t('common.actions')}</Th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-testid="applicant-row">
              <RowTh>
                <span className="font-bold">{a.learnerName}</span>
                <span className="block break-all text-solid-gray-700">{a.email}</span>
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {t('selection.appliedAt', { at: formatDateTime(a.appliedAt, locale) })}
                </span>
                <PreSurvey a={a} />
              </RowTh>
              <Td>
                {vocab(t, PROFESSION_LABELS, a.profession)}
                <span className="block text-solid-gray-700">
                  {vocab(t, PROFESSION_GROUP_LABELS, a.professionGroup)}
                </span>
              </Td>
              <Td>
                {a.regionName ?? t('selection.noRegion')}
                {a.municipalityName && (
                  <span className="block text-solid-gray-700">{a.municipalityName}</span>
                )}
              </Td>
              <Td>{a.workplace || t('common.none')}</Td>
              <Td className="whitespace-nowrap font-bold">
                <StatusText a={a} />
              </Td>
              <Td>
                {a.reason ? vocab(t, SELECTION_REASON_LABELS, a.reason) : t('common.none')}
                {a.overrideReason && (
                  <span className="block whitespace-pre-wrap text-solid-gray-700">
                    {t('selection.staffReason', { reason: a.overrideReason })}
                  </span>
                )}
                {a.decidedByName && a.decidedAt && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {t('selection.decidedBy', {
                      name: a.decidedByName,
                      at: formatDateTime(a.decidedAt, locale),
                    })}
                  </span>
                )}
              </Td>
              <Td className="text-right">{a.lotteryRank ?? t('common.none')}</Td>
              {data.can.override && (
                <Td>
                  <RowActions a={a} onAction={onAction} />
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

function RowActions({ a, onAction }: { a: Applicant; onAction: (intent: SeatIntent) => void }) {
  const t = useT();
  if (a.status === 'cancelled') return null;
  const seat: SeatIntent['kind'] = a.status === 'selected' ? 'withdraw' : 'give';
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="secondary"
        aria-label={`${t(ACTION_LABEL[seat])}: ${a.learnerName}`}
        onClick={() => onAction({ kind: seat, applicant: a })}
      >
        {t(ACTION_LABEL[seat])}
      </Button>
      <Button
        variant="text"
        aria-label={`${t(ACTION_LABEL.cancel)}: ${a.learnerName}`}
        onClick={() => onAction({ kind: 'cancel', applicant: a })}
      >
        {t(ACTION_LABEL.cancel)}
      </Button>
    </div>
  );
}
