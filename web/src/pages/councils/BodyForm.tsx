import { type FormEvent, lazy, Suspense, useState } from 'react';
import {
  COUNCIL_BODY_KIND_LABELS,
  COUNCIL_BODY_KINDS,
  COUNCIL_SCHEDULE_KIND_LABELS,
  COUNCIL_SCHEDULE_KINDS,
  COUNCIL_TIER_LABELS,
  type CouncilBodyKind,
  type CouncilScheduleKind,
} from '../../../../src/shared/vocab/councils';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormSection } from '../../components/FormSection';
import { type MessageKey, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { type CouncilBody, useCouncilOptions } from '../../lib/queries/councils';

/** The charter's preview carries the Markdown renderer: loaded with the form only, not with the body page. */
const CharterPreview = lazy(() => import('./CharterPreview').then((m) => ({ default: m.CharterPreview })));

type Values = {
  kind: CouncilBodyKind;
  name: string;
  owner: string;
  purpose: string;
  charter: string;
  defaultPlace: string;
  scheduleKind: CouncilScheduleKind;
  scheduleIntervalMonths: string;
  scheduleDayOfMonth: string;
  scheduleWeekOfMonth: string;
  scheduleWeekday: string;
  scheduleStartTime: string;
  scheduleDurationMinutes: string;
  archived: boolean;
};

const ownerKey = (o: { centreId: string | null; regionId: string | null }) =>
  o.centreId ? `c:${o.centreId}` : o.regionId ? `r:${o.regionId}` : 'p';

function initial(b: CouncilBody | undefined): Values {
  return {
    kind: b?.kind ?? 'regional_council',
    name: b?.name ?? '',
    owner: b ? ownerKey(b.owner) : '',
    purpose: b?.purpose ?? '',
    charter: b?.charter ?? '',
    defaultPlace: b?.defaultPlace ?? '',
    scheduleKind: b?.scheduleKind ?? 'none',
    scheduleIntervalMonths: String(b?.scheduleIntervalMonths ?? 1),
    scheduleDayOfMonth: b?.scheduleDayOfMonth ? String(b.scheduleDayOfMonth) : '',
    scheduleWeekOfMonth: b?.scheduleWeekOfMonth ? String(b.scheduleWeekOfMonth) : '',
    scheduleWeekday:
      b?.scheduleWeekday !== null && b?.scheduleWeekday !== undefined ? String(b.scheduleWeekday) : '',
    scheduleStartTime: b?.scheduleStartTime ?? '',
    scheduleDurationMinutes: String(b?.scheduleDurationMinutes ?? 90),
    archived: b?.archived ?? false,
  };
}

/** The body as the API takes it (owner, schedule); an existing body adds its version. */
export function bodyRequest(v: Values): Record<string, unknown> {
  const num = (s: string) => (s === '' ? null : Number(s));
  const owner = v.owner.startsWith('c:')
    ? { ownerCentreId: v.owner.slice(2), ownerRegionId: null }
    : v.owner.startsWith('r:')
      ? { ownerCentreId: null, ownerRegionId: v.owner.slice(2) }
      : v.owner === 'p'
        ? { ownerCentreId: null, ownerRegionId: null }
        : {};
  return {
    kind: v.kind,
    name: v.name.trim(),
    ...owner,
    purpose: v.purpose.trim(),
    charter: v.charter.trim(),
    defaultPlace: v.defaultPlace.trim(),
    scheduleKind: v.scheduleKind,
    scheduleIntervalMonths: Number(v.scheduleIntervalMonths) || 1,
    scheduleDayOfMonth: v.scheduleKind === 'monthly_day' ? num(v.scheduleDayOfMonth) : null,
    scheduleWeekOfMonth: v.scheduleKind === 'monthly_weekday' ? num(v.scheduleWeekOfMonth) : null,
    scheduleWeekday: v.scheduleKind === 'monthly_weekday' ? num(v.scheduleWeekday) : null,
    scheduleStartTime: v.scheduleKind === 'none' ? null : v.scheduleStartTime || null,
    scheduleDurationMinutes: Number(v.scheduleDurationMinutes) || 90,
  };
}

/** The form of a body: kind, name, owner, purpose, charter, usual venue, recurring schedule. */
export function BodyForm({
  body,
  pending,
  onSubmit,
  error,
}: {
  body?: CouncilBody;
  pending: boolean;
  onSubmit: (request: Record<string, unknown>) => void;
  error: React.ReactNode;
}) {
  const t = useT();
  const options = useCouncilOptions();
  const [v, setV] = useState<Values>(() => initial(body));
  const [missing, setMissing] = useState(false);
  const set =
    <K extends keyof Values>(k: K) =>
    (value: Values[K]) =>
      setV((x) => ({ ...x, [k]: value }));
  const owners = options.data?.owners ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!v.name.trim()) {
      setMissing(true);
      return;
    }
    const req = bodyRequest(v);
    onSubmit(body ? { ...req, version: body.version, archived: v.archived } : req);
  };
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((d) => ({
    value: String(d),
    label: t(`cn.weekday.${d}` as MessageKey),
  }));
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <SelectField
        label={t('cn.f.kind')}
        value={v.kind}
        onChange={(x) => set('kind')(x as CouncilBodyKind)}
        options={vocabOptions(t, COUNCIL_BODY_KINDS, COUNCIL_BODY_KIND_LABELS)}
        required
      />
      <TextField
        label={t('cn.f.name')}
        value={v.name}
        onChange={set('name')}
        required
        error={missing && !v.name.trim() ? t('validation.required', { field: t('cn.f.name') }) : null}
      />
      {owners.length > 0 && (
        <SelectField
          label={t('cn.f.owner')}
          hint={t('cn.f.owner.hint')}
          value={v.owner || ownerKey(owners[0]!)}
          onChange={set('owner')}
          options={owners.map((o) => ({
            value: ownerKey(o),
            label: `${vocab(t, COUNCIL_TIER_LABELS, o.tier)}${t.locale === 'ja' ? '：' : ': '}${o.name}`,
          }))}
        />
      )}
      <TextAreaField label={t('cn.f.purpose')} value={v.purpose} onChange={set('purpose')} rows={2} />
      <TextField label={t('cn.f.defaultPlace')} value={v.defaultPlace} onChange={set('defaultPlace')} />
      <FormSection title={t('cn.f.schedule')}>
        <SelectField
          label={t('cn.f.schedule')}
          value={v.scheduleKind}
          onChange={(x) => set('scheduleKind')(x as CouncilScheduleKind)}
          options={vocabOptions(t, COUNCIL_SCHEDULE_KINDS, COUNCIL_SCHEDULE_KIND_LABELS)}
        />
        {v.scheduleKind !== 'none' && (
          <div className="grid gap-x-4 md:grid-cols-3">
            <SelectField
              label={t('cn.f.interval')}
              value={v.scheduleIntervalMonths}
              onChange={set('scheduleIntervalMonths')}
              options={[1, 2, 3, 4, 6, 12].map((n) => ({
                value: String(n),
                label: n === 1 ? t('cn.everyMonth') : t('cn.f.interval.value', { n }),
              }))}
            />
            {v.scheduleKind === 'monthly_day' ? (
              <TextField
                label={t('cn.f.dayOfMonth')}
                hint={t('cn.f.dayOfMonth.hint')}
                type="number"
                min={1}
                max={31}
                value={v.scheduleDayOfMonth}
                onChange={set('scheduleDayOfMonth')}
                required
              />
            ) : (
              <>
                <SelectField
                  label={t('cn.f.week')}
                  value={v.scheduleWeekOfMonth}
                  onChange={set('scheduleWeekOfMonth')}
                  emptyLabel={t('cn.item.choose')}
                  options={[1, 2, 3, 4, 5].map((n) => ({
                    value: String(n),
                    label: n === 5 ? t('cn.f.week.last') : t('cn.f.week.n', { n }),
                  }))}
                  required
                />
                <SelectField
                  label={t('cn.f.weekday')}
                  value={v.scheduleWeekday}
                  onChange={set('scheduleWeekday')}
                  emptyLabel={t('cn.item.choose')}
                  options={weekdays}
                  required
                />
              </>
            )}
            <TextField
              label={t('cn.f.startTime')}
              type="time"
              value={v.scheduleStartTime}
              onChange={set('scheduleStartTime')}
              required
            />
            <TextField
              label={t('cn.f.duration')}
              type="number"
              min={15}
              max={1440}
              value={v.scheduleDurationMinutes}
              onChange={set('scheduleDurationMinutes')}
            />
          </div>
        )}
      </FormSection>
      <TextAreaField
        label={t('cn.f.charter')}
        hint={t('cn.f.charter.hint')}
        value={v.charter}
        onChange={set('charter')}
        rows={8}
      />
      <Suspense fallback={null}>
        <CharterPreview source={v.charter} />
      </Suspense>
      {body && <Checkbox label={t('cn.f.archived')} checked={v.archived} onChange={set('archived')} />}
      {error}
      <Button type="submit" disabled={pending}>
        {body ? t('cn.save') : t('cn.create')}
      </Button>
    </form>
  );
}
