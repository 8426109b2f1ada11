import { Checkbox, Fieldset } from '../../components/Field';
import { useT } from '../../i18n';
import { useMunicipalOverview } from '../../lib/queries/municipalities';

/** The municipalities of the reader's area as checkboxes (the municipal pages' area, as the API checks it). */
export function AreaPicker({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const t = useT();
  const overview = useMunicipalOverview(undefined);
  const rows = overview.data?.rows ?? [];
  return (
    <Fieldset legend={t('de.areas')}>
      <div className="grid max-h-64 gap-1 overflow-auto sm:grid-cols-3">
        {rows.map((m) => (
          <Checkbox
            key={m.code}
            label={m.name}
            checked={value.includes(m.code)}
            onChange={(on) => onChange(on ? [...value, m.code] : value.filter((c) => c !== m.code))}
          />
        ))}
      </div>
    </Fieldset>
  );
}

/** "2026-09-01T09:00" typed in Japan time → an instant with its offset. */
export const japanInstant = (local: string) =>
  local ? `${local.length === 16 ? `${local}:00` : local}+09:00` : '';

/** Now in Japan time as a datetime-local value. */
export function japanNowLocal(): string {
  const d = new Date(Date.now() + 9 * 3_600_000);
  return d.toISOString().slice(0, 16);
}
