import { Link } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button, buttonClass } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import {
  type ChildFilter,
  filterOf,
  parseChildListSearch,
  type SavedFilter,
  useDeleteFilter,
  useSavedFilters,
  useSaveFilter,
} from '../../lib/queries/children-list';

/** 保存した検索条件: save the current filter under a name, apply or delete a saved one. */
export function SavedFilters({ filter }: { filter: ChildFilter }) {
  const t = useT();
  const saved = useSavedFilters();
  const save = useSaveFilter();
  const remove = useDeleteFilter();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SavedFilter | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('validation.required', { field: t('saved.name') }));
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    save.mutate(
      { name: trimmed, filter },
      {
        onSuccess: () => {
          setName('');
          setMessage(t('saved.created', { name: trimmed }));
        },
      },
    );
  };

  const list = saved.data ?? [];
  const unavailable = isApiError(saved.error) && saved.error.status === 404;
  return (
    <section aria-labelledby="saved-filters" className="mb-8 print:hidden">
      <h2 id="saved-filters" className="mb-3 text-std-20B-150">
        {t('saved.title')}
      </h2>
      <StatusMessage>{message}</StatusMessage>
      <ApiErrorAlert error={remove.error ?? save.error} />
      {unavailable ? (
        <p className="mb-3">{t('saved.unavailable')}</p>
      ) : list.length === 0 ? (
        <p className="mb-3">{t('saved.empty')}</p>
      ) : (
        <ul className="mb-4 flex flex-wrap gap-3">
          {list.map((f) => (
            <li key={f.id} className="flex items-center gap-1 rounded-8 border border-solid-gray-300 p-1">
              <Link
                to="/children"
                search={filterOf(parseChildListSearch(f.filter))}
                className={buttonClass('text')}
                aria-label={t('saved.apply', { name: f.name })}
              >
                {f.name}
              </Link>
              <Button
                variant="text"
                aria-label={t('saved.delete', { name: f.name })}
                onClick={() => setDeleting(f)}
              >
                {t('common.delete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
        <TextField
          ref={nameRef}
          label={t('saved.name')}
          value={name}
          onChange={setName}
          error={nameError}
          autoComplete="off"
          wrapperClassName="w-full max-w-sm"
        />
        <Button type="submit" variant="secondary" className="mb-5" disabled={save.isPending}>
          {t('saved.save')}
        </Button>
      </form>
      <ConfirmDialog
        open={deleting !== null}
        danger
        message={deleting ? t('saved.confirmDelete', { name: deleting.name }) : ''}
        confirmLabel={t('common.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (!target) return;
          remove.mutate(target.id, {
            onSuccess: () => setMessage(t('saved.deleted', { name: target.name })),
          });
        }}
      />
    </section>
  );
}
