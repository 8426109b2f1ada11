import { type FormEvent, useEffect, useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from '../../../../src/shared/vocab/audit';
import { labelOf } from '../../../../src/shared/vocab/label';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import type { AuditFilters as Filters } from '../../lib/queries/audit';

export function actionLabel(action: string, locale: 'ja' | 'en'): string {
  return labelOf(AUDIT_ACTION_LABELS, action, locale);
}

/** The audit search form; applies on submit. */
export function AuditFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [from, setFrom] = useState(value.from ?? '');
  const [to, setTo] = useState(value.to ?? '');
  const [actor, setActor] = useState(value.actor ?? '');
  const [action, setAction] = useState(value.action ?? '');
  const [entityType, setEntityType] = useState(value.entityType ?? '');
  const [entityId, setEntityId] = useState(value.entityId ?? '');
  useEffect(() => {
    setActor(value.actor ?? '');
  }, [value.actor]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = (s: string) => s.trim() || undefined;
    onChange({
      from: v(from),
      to: v(to),
      actor: v(actor),
      action: v(action),
      entityType: v(entityType),
      entityId: v(entityId),
    });
  };
  const clear = () => {
    for (const set of [setFrom, setTo, setActor, setAction, setEntityType, setEntityId]) set('');
    onChange({});
  };
  return (
    <search>
      <form onSubmit={submit} className="mb-6 rounded-12 border border-solid-gray-300 p-4 print:hidden">
        <div className="grid grid-cols-1 gap-x-4 md:grid-cols-2 xl:grid-cols-3">
          <TextField label={t('audit.from')} type="date" value={from} onChange={setFrom} />
          <TextField label={t('audit.to')} type="date" value={to} onChange={setTo} />
          <SelectField
            label={t('audit.action')}
            value={action}
            onChange={setAction}
            emptyLabel={t('common.all')}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a, locale) }))}
          />
          <TextField
            label={t('audit.actorId')}
            hint={t('audit.actorHint')}
            value={actor}
            onChange={setActor}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label={t('audit.entityType')}
            value={entityType}
            onChange={setEntityType}
            autoComplete="off"
          />
          <TextField label={t('audit.entityId')} value={entityId} onChange={setEntityId} autoComplete="off" />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="secondary" onClick={clear}>
            {t('common.clear')}
          </Button>
        </div>
      </form>
    </search>
  );
}
