import { Fold } from '../../../components/Fold';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { type MessageKey, type Translate, useLocale, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { type HistoryEntry, useChildHistory } from '../../../lib/queries/child-record';
import { useMunicipalities } from '../../../lib/queries/network';
import { displayValue, fieldLabel } from './display';
import { isMessageKey, labelOf } from './labels';

/** Parts of the record named in history actions ('devices.add', 'consents.withdraw' …). */
const PARTS: Record<string, MessageKey> = {
  guardians: 'record.guardians',
  diagnoses: 'record.diagnoses',
  physicians: 'record.physicians',
  devices: 'record.devices',
  handbooks: 'record.handbooks',
  affiliations: 'child.affiliations',
  consents: 'record.consents',
};

export function actionLabel(t: Translate, action: string): string {
  const [part, verb] = action.split('.');
  const partKey = part ? PARTS[part] : undefined;
  const verbKey = `history.verb.${verb}`;
  if (partKey && verb && isMessageKey(verbKey))
    return t('history.actionOf', { part: t(partKey), verb: t(verbKey) });
  return labelOf(t, 'history.action', action);
}

function Entry({ entry, names }: { entry: HistoryEntry; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const { locale } = useLocale();
  const changes = Object.entries(entry.changes ?? {});
  const headingId = `history-${entry.id}`;
  return (
    <li className="relative border-l-4 border-key-900 pb-6 pl-5">
      <span aria-hidden="true" className="absolute top-1.5 -left-2.5 size-4 rounded-full bg-key-900" />
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="text-std-17B-170">
          <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
          <span className="ml-3">{actionLabel(t, entry.action)}</span>
        </h3>
        <p className="mb-2 text-dns-14N-130 text-solid-gray-700">
          {t('history.by', { name: entry.userName ?? t('history.system'), version: entry.version })}
        </p>
        {changes.length > 0 && (
          <Table caption={t('history.changesOf', { at: formatDateTime(entry.at, locale) })} captionHidden>
            <thead>
              <tr>
                <Th>{t('conflict.field')}</Th>
                <Th>{t('history.before')}</Th>
                <Th>{t('history.after')}</Th>
              </tr>
            </thead>
            <tbody>
              {changes.map(([field, pair]) => {
                const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
                return (
                  <tr key={field}>
                    <RowTh className="font-bold">{fieldLabel(t, field)}</RowTh>
                    <Td>{displayValue(t, locale, field, before, names)}</Td>
                    <Td>{displayValue(t, locale, field, after, names)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </article>
    </li>
  );
}

/** 変更履歴: every change to the record, newest first, field by field. */
export function HistorySection({ childId }: { childId: string }) {
  const t = useT();
  const history = useChildHistory(childId);
  const municipalities = useMunicipalities();
  const names = new Map((municipalities.data ?? []).map((m) => [m.code, m.name]));
  return (
    <section aria-labelledby="child-history" className="mb-10">
      <h2 id="child-history" className="mb-3 text-std-22B-150">
        {t('record.history')}
      </h2>
      {isApiError(history.error) && history.error.status === 404 ? (
        <p>{t('history.unavailable')}</p>
      ) : (
        <QueryState query={history}>
          {(entries) =>
            entries.length === 0 ? (
              <p>{t('history.empty')}</p>
            ) : (
              <Fold
                summary={t('record.openHistory', { n: entries.length })}
                openWhenHash="child-history"
                testId="fold-history"
              >
                <ol className="ml-2">
                  {[...entries]
                    .sort((a, b) => b.at.localeCompare(a.at))
                    .map((e) => (
                      <Entry key={e.id} entry={e} names={names} />
                    ))}
                </ol>
              </Fold>
            )
          }
        </QueryState>
      )}
    </section>
  );
}
