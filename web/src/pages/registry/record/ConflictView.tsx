import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../components/Button';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useT } from '../../../i18n';

export type ConflictRow = { field: string; label: string; mine: string; saved: string; youChanged: boolean };

/**
 * Someone saved the record after this form was opened: nothing was written. Shows, field by field, what
 * this user typed and what is saved now, and lets them choose: re-apply their input on the saved version
 * (then save again) or take the saved version. Nothing is overwritten without that choice.
 */
export function ConflictView({
  rows,
  onReapply,
  onDiscard,
}: {
  rows: ConflictRow[];
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby={id}
      tabIndex={-1}
      className="my-4 rounded-8 border-2 border-error-2 bg-red-50 p-4 text-std-16N-170"
    >
      <p id={id} className="mb-2 text-std-17B-170 text-error-2">
        {t('conflict.title')}
      </p>
      <p className="mb-4 text-solid-gray-900">{t('conflict.body')}</p>
      {rows.length > 0 && (
        <div className="bg-white">
          <Table caption={t('conflict.caption')}>
            <thead>
              <tr>
                <Th>{t('conflict.field')}</Th>
                <Th>{t('conflict.mine')}</Th>
                <Th>{t('conflict.saved')}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.field}>
                  <RowTh className="font-bold">{r.label}</RowTh>
                  <Td className={r.youChanged ? 'font-bold' : ''}>
                    {r.mine}
                    {r.youChanged && <span className="sr-only"> {t('conflict.youChanged')}</span>}
                  </Td>
                  <Td>{r.saved}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <Button onClick={onReapply}>{t('conflict.reapply')}</Button>
        <Button variant="secondary" onClick={onDiscard}>
          {t('conflict.discard')}
        </Button>
      </div>
    </div>
  );
}
