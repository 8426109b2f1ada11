import { type FormEvent, useEffect, useState } from 'react';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPE_LABELS,
  AUDIT_ENTITY_TYPES,
} from '../../../../src/shared/vocab/audit';
import { labelOf } from '../../../../src/shared/vocab/label';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { type AuditFilters as Filters, useAuditActors } from '../../lib/queries/audit';
import { isRole, roleLabel } from '../../lib/roles';

export function actionLabel(action: string, locale: 'ja' | 'en'): string {
  return labelOf(AUDIT_ACTION_LABELS, action, locale);
}

/**
 * The audit search form; applies on submit. Who acted and the kind of object are picked from lists (the
 * prefecture's users, the kinds the log records), never typed as ids; an object is chosen from a row of the
 * list and shown here by its name, with a way to stop filtering by it.
 */
export function AuditFilters({
  value,
  onChange,
  objectName,
}: {
  value: Filters;
  onChange: (next: Filters) => void;
  /** The name of the object filtered by (value.entityId), as the list shows it. */
  objectName: string | null;
}) {
  const t = useT();
  const { locale } = useLocale();
  const actors = useAuditActors();
  const [from, setFrom] = useState(value.from ?? '');
  const [to, setTo] = useState(value.to ?? '');
  const [actor, setActor] = useState(value.actor ?? '');
  const [action, setAction] = useState(value.action ?? '');
  const [entityType, setEntityType] = useState(value.entityType ?? '');
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
      entityId: value.entityId,
    });
  };
  const clear = () => {
    for (const set of [setFrom, setTo, setActor, setAction, setEntityType]) set('');
    onChange({});
  };
  const actorOptions = (actors.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.name}（${isRole(u.role) ? roleLabel(u.role, locale) : u.email}）`,
  }));
  const typeOptions = AUDIT_ENTITY_TYPES.map((c) => ({
    value: c,
    label: AUDIT_ENTITY_TYPE_LABELS[c][locale],
  })).sort((a, b) => a.label.localeCompare(b.label, locale));
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
          <SelectField
            label={t('audit.actor')}
            hint={t('audit.actorHint')}
            value={actor}
            onChange={setActor}
            emptyLabel={t('audit.everyone')}
            options={actorOptions}
          />
          <SelectField
            label={t('audit.entityType')}
            value={entityType}
            onChange={setEntityType}
            emptyLabel={t('common.all')}
            options={typeOptions}
          />
        </div>
        {value.entityId && (
          <p className="mb-4 flex flex-wrap items-center gap-3" role="status">
            <span>{t('audit.objectFilter', { name: objectName ?? t('audit.objectUnnamed') })}</span>
            <Button variant="secondary" onClick={() => onChange({ ...value, entityId: undefined, page: 1 })}>
              {t('audit.objectClear')}
            </Button>
          </p>
        )}
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
