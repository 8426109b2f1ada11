import { type FormEvent, useState } from 'react';
import {
  type CareItem,
  type CareScore,
  type CareTable,
  computeCareScore,
  type WatchLevel,
  watchLevelsOf,
} from '../../../../../src/shared/care-score';
import { ApiErrorAlert, ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { type ChildRecord, conflictOf, useRecordWrite } from '../../../lib/queries/child-record';
import { readDate } from './dates';
import { EditPanel } from './EditPanel';
import { ScoreSummary, watchLabel } from './ScoreSummary';

type Choice = { on: boolean; watch: WatchLevel };

function previewOf(items: { code: string; watch: WatchLevel }[], table: CareTable): CareScore | null {
  try {
    return computeCareScore(items, table);
  } catch {
    return null;
  }
}

/**
 * The care items of a child, one row per line of the official table, with the watch level the doctor
 * judged. The score and tier are previewed live with the same function the server uses; saving replaces
 * the list (PUT) and the server recomputes the score.
 */
export function CareEditor({
  child,
  table,
  onDone,
  onCancel,
}: {
  child: ChildRecord;
  table: CareTable;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const write = useRecordWrite(child.id);
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      table.items.map((i) => {
        const had = child.careItems.find((c) => c.code === i.code);
        return [i.code, { on: Boolean(had), watch: had?.watch ?? 'low' }];
      }),
    ),
  );
  const [judgedOn, setJudgedOn] = useState('');
  const [judgedBy, setJudgedBy] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [version, setVersion] = useState<number | null>(child.version);

  const selected = table.items
    .filter((i) => choices[i.code]?.on)
    .map((i) => ({ code: i.code, watch: choices[i.code]?.watch ?? 'low' }));
  const preview = previewOf(selected, table);

  const setChoice = (code: string, next: Partial<Choice>) =>
    setChoices((prev) => ({ ...prev, [code]: { ...(prev[code] ?? { on: false, watch: 'low' }), ...next } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const date = readDate(judgedOn, t, t('care.judgedOn'));
    setDateError(date.error);
    if (date.error) return;
    const items = selected.map(({ code, watch }) => {
      const had = child.careItems.find((c) => c.code === code);
      // An item whose judgement did not change keeps its date and doctor; a new or changed one gets these.
      const unchanged = had && had.watch === watch;
      return {
        code,
        watch,
        judgedOn: unchanged ? had.judgedOn : (date.iso ?? had?.judgedOn ?? null),
        judgedBy: unchanged ? had.judgedBy : judgedBy.trim() || had?.judgedBy || null,
        note: had?.note ?? null,
      };
    });
    write.mutate(
      { method: 'PUT', path: '/care-items', body: { version: version ?? child.version, items } },
      {
        onSuccess: () => onDone(t('care.saved')),
        onError: (err) => {
          const c = conflictOf(err, child.id);
          if (c) setVersion(c.current?.version ?? null);
        },
      },
    );
  };

  const row = (item: CareItem) => {
    const choice = choices[item.code] ?? { on: false, watch: 'low' as WatchLevel };
    const levels = watchLevelsOf(item);
    const name = locale === 'ja' ? item.ja : item.en;
    const boxId = `care-${item.code}`;
    return (
      <tr key={item.code} className={choice.on ? 'bg-key-50' : ''}>
        <Td className="tabular-nums">{item.no}</Td>
        <Td>
          <div className="flex min-h-11 items-center gap-3">
            <input
              id={boxId}
              type="checkbox"
              checked={choice.on}
              onChange={(e) => setChoice(item.code, { on: e.target.checked })}
              className="size-6 shrink-0 accent-key-900"
            />
            <label htmlFor={boxId}>{name}</label>
          </div>
        </Td>
        <Td className="tabular-nums">{item.base}</Td>
        <Td>
          {levels.length > 1 ? (
            <select
              aria-label={t('care.watchFor', { item: name })}
              value={choice.watch}
              disabled={!choice.on}
              onChange={(e) => setChoice(item.code, { watch: e.target.value as WatchLevel })}
              className="min-h-11 rounded-8 border border-solid-gray-600 bg-white px-2 disabled:bg-solid-gray-50"
            >
              {levels.map((l) => (
                <option key={l} value={l}>
                  {t('care.watchOption', { level: watchLabel(t, l), n: item.watch[l] ?? 0 })}
                </option>
              ))}
            </select>
          ) : (
            <span className="text-solid-gray-700">{t('care.noWatch')}</span>
          )}
        </Td>
      </tr>
    );
  };

  return (
    <EditPanel title={t('care.edit')}>
      <form onSubmit={submit} noValidate>
        {conflictOf(write.error, child.id) ? (
          <ErrorAlert>
            <p>{t('common.conflict')}</p>
            <p>{t('record.conflictReapply')}</p>
          </ErrorAlert>
        ) : (
          <ApiErrorAlert error={write.error} />
        )}
        <p className="mb-4 max-w-3xl text-std-16N-170">{t('care.editorIntro', { version: table.version })}</p>
        <Table caption={t('care.tableCaption')}>
          <thead>
            <tr>
              <Th>{t('care.no')}</Th>
              <Th>{t('care.item')}</Th>
              <Th>{t('care.base')}</Th>
              <Th>{t('care.watchLevel')}</Th>
            </tr>
          </thead>
          <tbody>{table.items.map(row)}</tbody>
        </Table>
        <div className="grid grid-cols-1 gap-x-6 md:grid-cols-2">
          <TextField
            label={t('care.judgedOn')}
            value={judgedOn}
            onChange={setJudgedOn}
            hint={t('care.judgedHint')}
            error={dateError}
            autoComplete="off"
          />
          <TextField label={t('care.judgedBy')} value={judgedBy} onChange={setJudgedBy} autoComplete="off" />
        </div>
        <section aria-labelledby="care-preview-title" className="mb-6 rounded-8 bg-solid-gray-50 p-4">
          <h4 id="care-preview-title" className="mb-2 text-std-17B-170">
            {t('care.preview')}
          </h4>
          {preview ? (
            <ScoreSummary score={preview} table={table} caption={t('care.previewBreakdown')} live />
          ) : (
            <p aria-live="polite">{t('care.previewUnavailable')}</p>
          )}
        </section>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={write.isPending}>
            {write.isPending ? t('common.saving') : t('common.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </EditPanel>
  );
}
