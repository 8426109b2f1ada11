import { useState } from 'react';
import { BACKUP_POWER_LABELS } from '../../../../src/shared/vocab/disaster';
import {
  DISASTER_SUPPORT_LABELS,
  SAFETY_RESULT_LABELS,
  SAFETY_RESULTS,
} from '../../../../src/shared/vocab/disaster-events';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { formatDateTime, formatNumber, fullName } from '../../lib/format';
import {
  type OpenedRecord,
  OUTAGE_STEP,
  type OutageList,
  type OutageRow,
  useOpenRecord,
  useRecordCheck,
} from '../../lib/queries/disaster-events';
import { ContactLines } from '../disaster/ContactLines';

/** The safety check form of one row (安否確認: result, help needed; the caller is the signed-in user). */
function CheckForm({ row, eventId }: { row: OutageRow; eventId: string | null }) {
  const t = useT();
  const record = useRecordCheck();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState('safe');
  const [help, setHelp] = useState('');
  if (!open)
    return (
      <Button variant="secondary" className="print:hidden" onClick={() => setOpen(true)}>
        {t('de.recordCheck')}
      </Button>
    );
  return (
    <form
      className="grid gap-2 print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate(
          { childId: row.childId, eventId, result: result as 'safe', helpNeeded: help || null },
          { onSuccess: () => setOpen(false) },
        );
      }}
    >
      <SelectField
        label={t('de.result')}
        value={result}
        onChange={setResult}
        options={vocabOptions(t, SAFETY_RESULTS, SAFETY_RESULT_LABELS)}
      />
      <TextField label={t('de.helpNeeded')} value={help} onChange={setHelp} />
      <ApiErrorAlert error={record.error} />
      <Button type="submit" disabled={record.isPending}>
        {t('de.saveCheck')}
      </Button>
    </form>
  );
}

/** Opening an unnamed row under an event: only with a reason, which the access review lists. */
function OpenForm({
  row,
  eventId,
  onOpened,
}: {
  row: OutageRow;
  eventId: string;
  onOpened: (r: OpenedRecord) => void;
}) {
  const t = useT();
  const open = useOpenRecord(eventId, onOpened);
  const [shown, setShown] = useState(false);
  const [reason, setReason] = useState('');
  if (!shown)
    return (
      <Button variant="secondary" className="print:hidden" onClick={() => setShown(true)}>
        {t('de.openWithReason')}
      </Button>
    );
  return (
    <form
      className="grid gap-2 print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate({ childId: row.childId, reason });
      }}
    >
      <TextField label={t('de.reason')} hint={t('de.reasonHint')} value={reason} onChange={setReason} />
      <ApiErrorAlert error={open.error} />
      <Button type="submit" disabled={open.isPending}>
        {t('de.open')}
      </Button>
    </form>
  );
}

function Hours({ row }: { row: OutageRow }) {
  const t = useT();
  const { locale } = useLocale();
  if (!row.dependent) return <>{t('de.notDependent')}</>;
  if (row.hoursLeft === null) return <strong>{t('de.batteryUnknown')}</strong>;
  if (row.hoursLeft <= 0) return <strong>{t('de.batteryOut')}</strong>;
  return <>{t('de.hours', { n: formatNumber(row.hoursLeft, locale) })}</>;
}

/**
 * The outage list's table (docs/disaster.md §4): ranked rows with battery left, care score, contacts and the newest
 * safety check; unnamed rows (no consent) under an event with the responder's open-with-reason form.
 */
export function OutageTable({ list, onMore }: { list: OutageList; onMore?: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [opened, setOpened] = useState<Record<string, OpenedRecord>>({});
  const n = (x: number) => formatNumber(x, locale);
  return (
    <>
      <p className="mb-2" role="status">
        {t('de.summary', {
          total: n(list.total),
          dependent: n(list.dependent),
          named: n(list.named),
          withheld: n(list.withheld),
          checked: n(list.checked),
          needsHelp: n(list.needsHelp),
        })}
      </p>
      {list.withheld > 0 && !list.eventId && (
        <p className="mb-4">{t('de.withheldNote', { n: n(list.withheld) })}</p>
      )}
      <Table caption={t('de.tableCaption', { asOf: formatDateTime(list.asOf, locale) })}>
        <thead>
          <tr>
            <Th>{t('de.rank')}</Th>
            <Th>{t('de.child')}</Th>
            <Th>{t('de.battery')}</Th>
            <Th className="text-right">{t('de.careScore')}</Th>
            <Th>{t('de.contacts')}</Th>
            <Th>{t('de.lastCheck')}</Th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r0) => {
            const r = opened[r0.childId]?.child ?? r0;
            return (
              <tr key={r.childId}>
                <Td className="tabular-nums">{r.rank}</Td>
                <Td>
                  {r.named ? (
                    <>
                      <span className="block font-bold">
                        {fullName(r.familyName ?? '', r.givenName ?? '')}
                      </span>
                      <span className="block text-sm">{r.address ?? ''}</span>
                      {r.basis === 'opened' && <span className="block text-sm">{t('de.openedBasis')}</span>}
                    </>
                  ) : (
                    <>
                      <span className="block">{t('de.unnamed')}</span>
                      {list.mayOpen && list.eventId && (
                        <OpenForm
                          row={r}
                          eventId={list.eventId}
                          onOpened={(rec) => setOpened((o) => ({ ...o, [r.childId]: rec }))}
                        />
                      )}
                    </>
                  )}
                  <span className="block text-sm">{r.municipalityName}</span>
                </Td>
                <Td>
                  <Hours row={r} />
                  {r.batteryHours !== null && (
                    <span className="block text-sm">{t('de.batteryTotal', { n: n(r.batteryHours) })}</span>
                  )}
                  {r.backupPower.length > 0 && (
                    <span className="block text-sm">
                      {r.backupPower.map((b) => vocab(t, BACKUP_POWER_LABELS, b)).join('、')}
                    </span>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{r.careScore ?? '—'}</Td>
                <Td>
                  <ContactLines
                    className="block text-sm"
                    contacts={
                      // An opened record brings its guardians with their relationship: they replace the list's
                      // guardian lines rather than repeat them.
                      opened[r.childId]
                        ? [
                            ...opened[r.childId]!.guardians.map((g) => ({ kind: 'guardian', ...g })),
                            ...r.contacts.filter((c) => c.kind !== 'guardian'),
                          ]
                        : r.contacts
                    }
                  />
                </Td>
                <Td>
                  {r.lastCheck ? (
                    <span className="block">
                      {vocab(t, SAFETY_RESULT_LABELS, r.lastCheck.result)}（
                      {formatDateTime(r.lastCheck.checkedAt, locale)}、{r.lastCheck.callerName}）
                      {r.lastCheck.helpNeeded ? ` ${r.lastCheck.helpNeeded}` : ''}
                    </span>
                  ) : (
                    <span className="block">{t('de.notChecked')}</span>
                  )}
                  {list.mayRecordChecks && r.named && <CheckForm row={r} eventId={list.eventId} />}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {list.rows.length < list.listed && (
        <div className="mt-2 mb-4 flex flex-wrap items-center gap-4 print:hidden">
          <p>{t('de.shown', { shown: n(list.rows.length), listed: n(list.listed) })}</p>
          {onMore && (
            <Button variant="secondary" onClick={onMore}>
              {t('de.more', { n: n(Math.min(OUTAGE_STEP, list.listed - list.rows.length)) })}
            </Button>
          )}
        </div>
      )}
      <ShelterTable list={list} />
    </>
  );
}

/** Shelters with power, pre-emptive admission and charging points in or serving the areas (docs/disaster.md §6). */
function ShelterTable({ list }: { list: OutageList }) {
  const t = useT();
  if (!list.shelters.length) return <p className="mt-4">{t('de.noShelters')}</p>;
  return (
    <Table caption={t('de.sheltersCaption')}>
      <thead>
        <tr>
          <Th>{t('de.shelterName')}</Th>
          <Th>{t('de.shelterOffers')}</Th>
          <Th>{t('de.shelterWhere')}</Th>
          <Th>{t('de.shelterPhone')}</Th>
        </tr>
      </thead>
      <tbody>
        {list.shelters.map((s) => (
          <tr key={s.serviceId}>
            <Td>
              <span className="block font-bold">{s.name}</span>
              <span className="block text-sm">{s.organizationName}</span>
            </Td>
            <Td>
              {s.support.map((k) => vocab(t, DISASTER_SUPPORT_LABELS, k)).join('、')}
              {s.note && <span className="block text-sm">{s.note}</span>}
            </Td>
            <Td>
              {s.municipalityName} {s.address ?? ''}
            </Td>
            <Td>{s.phone ?? ''}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
