import { useState } from 'react';
import { StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { noteText } from '../../../i18n/vocab';
import { formatDate } from '../../../lib/format';
import { careItemLabel, useCareTable } from '../../../lib/queries/care-table';
import type { ChildRecord } from '../../../lib/queries/child-record';
import { CareEditor } from './CareEditor';
import { ScoreSummary, scoreOf, watchLabel } from './ScoreSummary';

/** ケアとスコア: the care items the doctor judged, the score and its editor. */
export function CareSection({ child }: { child: ChildRecord }) {
  const t = useT();
  const { locale } = useLocale();
  const table = useCareTable();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const score = scoreOf(child, table);
  return (
    <section aria-labelledby="child-care" className="mb-10">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="child-care" className="text-std-22B-150">
          {t('record.care')}
        </h2>
        {child.allowedActions.edit && (
          <Button
            variant="secondary"
            onClick={() => {
              setMessage(null);
              setEditing(true);
            }}
          >
            {t('care.edit')}
          </Button>
        )}
      </div>
      <StatusMessage>{message}</StatusMessage>
      {score && child.careItems.length > 0 ? (
        <ScoreSummary score={score} table={table} caption={t('care.breakdown')} folded />
      ) : (
        <p className="mb-4">{t('care.noItems')}</p>
      )}
      {child.careItems.length > 0 && (
        <Table caption={t('care.items')}>
          <thead>
            <tr>
              <Th>{t('care.item')}</Th>
              <Th>{t('care.watchLevel')}</Th>
              <Th>{t('care.judgedOn')}</Th>
              <Th>{t('care.judgedBy')}</Th>
              <Th>{t('field.note')}</Th>
            </tr>
          </thead>
          <tbody>
            {child.careItems.map((item) => (
              <tr key={item.code}>
                <RowTh>{careItemLabel(table, item.code, locale)}</RowTh>
                <Td>{watchLabel(t, item.watch)}</Td>
                <Td className="whitespace-nowrap">
                  {item.judgedOn ? formatDate(item.judgedOn, locale) : t('common.none')}
                </Td>
                <Td>{item.judgedBy ?? t('common.none')}</Td>
                <Td>{noteText(t, item)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {editing && (
        <CareEditor
          child={child}
          table={table}
          onDone={(text) => {
            setEditing(false);
            setMessage(text);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </section>
  );
}
