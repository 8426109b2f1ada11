import { useDeferredValue, useState } from 'react';
import { ORGANISATION_KIND_LABELS } from '../../../../../src/shared/vocab/network';
import { SelectField, TextField } from '../../../components/Field';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { useOrganisations } from '../../../lib/queries/network';

/**
 * Chooses an organisation of the prefecture: a name filter narrows the list (there can be thousands), the
 * select offers the first matches with their kind and municipality.
 */
export function OrganisationPicker({
  label,
  value,
  onChange,
  required,
  error,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  required?: boolean;
  error?: string | null;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const orgs = useOrganisations({ q: deferred || undefined, pageSize: 50 });
  const items = orgs.data?.items ?? [];
  const options = items.map((o) => ({
    value: o.id,
    label: [o.name, vocab(t, ORGANISATION_KIND_LABELS, o.kind), o.municipalityName]
      .filter(Boolean)
      .join(' / '),
  }));
  // Keep the chosen organisation offered while the filter hides it.
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: t('record.orgChosen') });
  }
  return (
    <div className="grid grid-cols-1 gap-x-6 md:grid-cols-2">
      <TextField
        label={t('record.orgFilter')}
        value={q}
        onChange={setQ}
        hint={t('record.orgFilterHint', { n: orgs.data?.total ?? 0 })}
        autoComplete="off"
      />
      <SelectField
        label={label}
        required={required}
        value={value}
        onChange={onChange}
        options={options}
        emptyLabel={t('common.choose')}
        error={error}
        data-field="organisationId"
      />
    </div>
  );
}
