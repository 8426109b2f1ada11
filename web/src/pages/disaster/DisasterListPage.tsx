import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { readsMunicipalPages } from '../../../../src/modules/municipalities/policy';
import {
  BACKUP_POWER_LABELS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
} from '../../../../src/shared/vocab/disaster';
import { DEVICE_KIND_LABELS } from '../../../../src/shared/vocab/registry';
import { ApiErrorAlert } from '../../components/Alert';
import { Button, buttonClass } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDate, fullName } from '../../lib/format';
import { useSession } from '../../lib/queries/auth';
import {
  type DisasterList,
  disasterExportHref,
  useDisasterCoverage,
  useDisasterList,
  useRecordPlan,
} from '../../lib/queries/disaster';
import { forTrainingRoles } from '../learning/courses/Guard';
import { NotFoundPage } from '../NotFoundPage';
import { ContactLines } from './ContactLines';
import './print.css';

type Row = DisasterList['rows'][number];

/** The plan's status as the municipality records it back (as theirs), under the profile's version. */
function PlanCell({ row, canRecord }: { row: Row; canRecord: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const record = useRecordPlan();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string>(row.planStatus);
  const [reviewed, setReviewed] = useState(row.planReviewedOn ?? '');
  const [meibo, setMeibo] = useState(row.onMeibo === null ? '' : row.onMeibo ? 'yes' : 'no');
  const summary = (
    <>
      <span className="block">{vocab(t, PLAN_STATUS_LABELS, row.planStatus)}</span>
      {row.planReviewedOn && (
        <span className="block">
          {t('dis.reviewedOnShort', { on: formatDate(row.planReviewedOn, locale) })}
        </span>
      )}
      <span className="block">
        {t('dis.onMeibo')}:{' '}
        {row.onMeibo === null ? t('dis.unknown') : row.onMeibo ? t('dis.yes') : t('dis.no')}
      </span>
    </>
  );
  if (!canRecord) return summary;
  if (!open)
    return (
      <>
        {summary}
        <Button variant="secondary" className="mt-1 print:hidden" onClick={() => setOpen(true)}>
          {t('dis.recordPlan')}
        </Button>
      </>
    );
  return (
    <form
      className="grid gap-2 print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate(
          {
            childId: row.id,
            body: {
              planStatus: status as Row['planStatus'],
              planReviewedOn: reviewed || null,
              onMeibo: meibo === '' ? null : meibo === 'yes',
              version: row.version,
            },
          },
          { onSuccess: () => setOpen(false) },
        );
      }}
    >
      <SelectField
        label={t('dis.planStatus')}
        value={status}
        onChange={setStatus}
        options={vocabOptions(t, PLAN_STATUSES, PLAN_STATUS_LABELS)}
      />
      <TextField label={t('dis.reviewedOn')} value={reviewed} onChange={setReviewed} />
      <SelectField
        label={t('dis.onMeibo')}
        value={meibo}
        onChange={setMeibo}
        emptyLabel={t('dis.unknown')}
        options={[
          { value: 'yes', label: t('dis.yes') },
          { value: 'no', label: t('dis.no') },
        ]}
      />
      <ApiErrorAlert error={record.error} />
      <Button type="submit" disabled={record.isPending}>
        {t('dis.save')}
      </Button>
    </form>
  );
}

function ListTable({ list }: { list: DisasterList }) {
  const t = useT();
  const { locale } = useLocale();
  const c = list.counts;
  return (
    <>
      <p className="mb-4" role="status">
        {t('dis.counts', {
          listed: String(c.consented),
          children: String(c.children),
          dependent: String(c.electricityDependent),
          withheld: String(c.electricityDependentWithheld),
        })}
      </p>
      <div className="mb-4 flex flex-wrap gap-3 print:hidden">
        <a
          href={disasterExportHref(list.municipality.code, 'xlsx', locale)}
          download
          className={buttonClass('secondary')}
        >
          {t('dis.exportXlsx')}
        </a>
        <a
          href={disasterExportHref(list.municipality.code, 'csv', locale)}
          download
          className={buttonClass('secondary')}
        >
          {t('dis.exportCsv')}
        </a>
        <Button variant="secondary" onClick={() => window.print()}>
          {t('dis.printList')}
        </Button>
      </div>
      {list.rows.length === 0 ? (
        <p>{t('dis.noRows')}</p>
      ) : (
        <Table caption={t('dis.listCaption', { name: list.municipality.name })}>
          <thead>
            <tr>
              <Th>{t('dis.col.child')}</Th>
              <Th>{t('dis.col.devices')}</Th>
              <Th>{t('dis.col.battery')}</Th>
              <Th>{t('dis.col.backup')}</Th>
              <Th>{t('dis.col.contacts')}</Th>
              <Th>{t('dis.col.plan')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link
                    to="/children/$childId/disaster"
                    params={{ childId: r.id }}
                    className="text-std-16B-170"
                  >
                    {fullName(r.familyName, r.givenName)}
                  </Link>
                  <span className="block text-dns-14N-130">{formatDate(r.birthDate, locale)}</span>
                  <span className="block text-dns-14N-130">{r.address ?? ''}</span>
                </Td>
                <Td>
                  {r.electricityDependent && (
                    <strong className="block text-error-2">{t('dis.needsMains')}</strong>
                  )}
                  {r.devices.map((d, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: positional
                    <span key={i} className="block">
                      {vocab(t, DEVICE_KIND_LABELS, d.kind)}
                    </span>
                  ))}
                </Td>
                <Td className="tabular-nums">
                  {r.batteryHours === null ? t('dis.unknown') : t('dis.hours', { h: String(r.batteryHours) })}
                </Td>
                <Td>
                  {r.backupPower.length
                    ? r.backupPower.map((b) => vocab(t, BACKUP_POWER_LABELS, b)).join('、')
                    : t('dis.unknown')}
                </Td>
                <Td>
                  <ContactLines
                    contacts={[...(r.guardian ? [{ kind: 'guardian', ...r.guardian }] : []), ...r.contacts]}
                  />
                </Td>
                <Td>
                  <PlanCell row={r} canRecord={list.canRecordPlan} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

/**
 * 災害時の支援リスト (docs/disaster.md §2): the children of one municipality whose guardians consented to disaster
 * planning, electricity-dependent first; the rest counted only. Municipal staff see their own municipality; the
 * centre and coordinators choose one of their area. Printable (the controls do not print).
 */
function DisasterListScreen() {
  const t = useT();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { municipality?: string };
  const session = useSession();
  const own = session.data?.user?.scopeKind === 'municipality';
  const coverage = useDisasterCoverage();
  const chosen = search.municipality;
  const list = useDisasterList(chosen, own || Boolean(chosen));
  // A municipality outside the reader's area and an unknown one look the same: the not-found page.
  if (isApiError(list.error) && list.error.status === 404) return <NotFoundPage />;
  return (
    <Page title={t('dis.listTitle')} intro={t('dis.listIntro')}>
      {!own && (
        <div className="mb-6 flex flex-wrap items-end gap-4 print:hidden">
          <SelectField
            label={t('dis.municipality')}
            value={chosen ?? ''}
            emptyLabel={t('dis.chooseMunicipality')}
            onChange={(v) => void navigate({ to: '/disaster', search: v ? { municipality: v } : {} })}
            options={(coverage.data?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name }))}
            wrapperClassName="max-w-xs"
          />
          <Link to="/disaster/coverage" className="inline-flex min-h-11 items-center">
            {t('dis.coverageLink')}
          </Link>
          <Link to="/disaster-events" className="inline-flex min-h-11 items-center">
            {t('de.link')}
          </Link>
        </div>
      )}
      {own || chosen ? (
        <QueryState query={list}>
          {(l) => (
            <div className="disaster-list">
              <h2 className="mb-2 text-std-20B-150">{l.municipality.name}</h2>
              <ListTable list={l} />
            </div>
          )}
        </QueryState>
      ) : (
        <p>{t('dis.chooseFirst')}</p>
      )}
    </Page>
  );
}

export const DisasterListPage = forTrainingRoles(readsMunicipalPages, DisasterListScreen);
