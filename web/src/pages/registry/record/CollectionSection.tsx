import { type ReactNode, useState } from 'react';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Fold } from '../../../components/Fold';
import { Table, Td, Th } from '../../../components/Table';
import { type MessageKey, useT } from '../../../i18n';
import { type ChildRecord, conflictOf, useRecordWrite } from '../../../lib/queries/child-record';
import { type FieldDef, ItemForm, valuesOf } from './ItemForm';

export type Collection = 'guardians' | 'diagnoses' | 'physicians' | 'devices' | 'handbooks' | 'affiliations';

export type ColumnDef<T> = { label: MessageKey; cell: (row: T) => ReactNode; className?: string };

type Editing = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; id: string };

/** Rows kept out of view under a line that says how many (ended affiliations …); printing opens them. */
export type FoldedRows<T> = { rows: T[]; summary: string; caption: string; testId: string };

/**
 * One list of the child record (guardians, devices, affiliations …): a table, and add / edit / delete for
 * users who may edit (the two buttons side by side in the row). Each change is a separate request carrying
 * the record version. `folded` rows (the past) sit in a second table under a Fold after the first.
 */
export function CollectionSection<T extends { id: string }>({
  child,
  collection,
  id,
  title,
  level = 2,
  rows,
  columns,
  fields,
  rowName,
  empty,
  addLabel,
  intro,
  folded,
}: {
  child: ChildRecord;
  collection: Collection;
  id: string;
  title: string;
  level?: 2 | 3;
  rows: T[];
  columns: ColumnDef<T>[];
  fields: readonly FieldDef[];
  rowName: (row: T) => string;
  empty: MessageKey;
  addLabel: MessageKey;
  intro?: ReactNode;
  folded?: FoldedRows<T>;
}) {
  const t = useT();
  const remove = useRecordWrite(child.id);
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const canEdit = child.allowedActions.edit;
  const Heading = level === 2 ? 'h2' : 'h3';
  const all = folded ? [...rows, ...folded.rows] : rows;
  const current = editing.kind === 'edit' ? all.find((r) => r.id === editing.id) : undefined;
  const open = (next: Editing) => {
    setMessage(null);
    remove.reset();
    setEditing(next);
  };

  const table = (list: T[], caption: string, captionHidden: boolean) => (
    <Table caption={caption} captionHidden={captionHidden}>
      <thead>
        <tr>
          {columns.map((c) => (
            <Th key={c.label}>{t(c.label)}</Th>
          ))}
          {canEdit && <Th className="print:hidden">{t('common.actions')}</Th>}
        </tr>
      </thead>
      <tbody>
        {list.map((row) => (
          <tr key={row.id}>
            {columns.map((c) => (
              <Td key={c.label} className={c.className}>
                {c.cell(row)}
              </Td>
            ))}
            {canEdit && (
              <Td className="whitespace-nowrap print:hidden">
                <div className="flex gap-2">
                  <Button
                    variant="secondary"
                    aria-label={`${t('common.edit')}: ${rowName(row)}`}
                    onClick={() => open({ kind: 'edit', id: row.id })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    variant="danger"
                    aria-label={`${t('common.delete')}: ${rowName(row)}`}
                    onClick={() => setDeleting(row)}
                  >
                    {t('common.delete')}
                  </Button>
                </div>
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );

  return (
    <section aria-labelledby={id} className={level === 2 ? 'mb-10' : 'mb-8'}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <Heading id={id} className={level === 2 ? 'text-std-22B-150' : 'text-std-20B-150'}>
          {title}
        </Heading>
        {canEdit && (
          <Button variant="secondary" onClick={() => open({ kind: 'create' })}>
            {t(addLabel)}
          </Button>
        )}
      </div>
      {intro}
      <StatusMessage>{message}</StatusMessage>
      {conflictOf(remove.error, child.id) ? (
        <ErrorAlert>{t('common.conflict')}</ErrorAlert>
      ) : (
        <ApiErrorAlert error={remove.error} />
      )}
      {rows.length === 0 ? <p className="mb-4 text-std-16N-170">{t(empty)}</p> : table(rows, title, true)}
      {folded && folded.rows.length > 0 && (
        <Fold summary={folded.summary} testId={folded.testId}>
          {table(folded.rows, folded.caption, false)}
        </Fold>
      )}
      {editing.kind !== 'closed' && (
        <ItemForm
          key={editing.kind === 'edit' ? editing.id : 'new'}
          child={child}
          level={level === 2 ? 3 : 4}
          title={current ? `${t('common.edit')}: ${rowName(current)}` : t(addLabel)}
          fields={fields}
          initial={valuesOf(fields, current as Record<string, unknown> | undefined)}
          request={
            current
              ? { method: 'PATCH', path: `/${collection}/${encodeURIComponent(current.id)}` }
              : { method: 'POST', path: `/${collection}` }
          }
          onDone={() => {
            setEditing({ kind: 'closed' });
            setMessage(t('common.saved'));
          }}
          onCancel={() => setEditing({ kind: 'closed' })}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        danger
        message={deleting ? t('record.confirmDelete', { name: rowName(deleting) }) : ''}
        confirmLabel={t('common.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (!target) return;
          remove.mutate(
            {
              method: 'DELETE',
              path: `/${collection}/${encodeURIComponent(target.id)}`,
              query: { version: child.version },
            },
            { onSuccess: () => setMessage(t('record.deleted', { name: rowName(target) })) },
          );
        }}
      />
    </section>
  );
}
