import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import type { ConsultationDetail } from '../../lib/queries/consultations';
import { type ServiceSummary, useServices } from '../../lib/queries/resources';

/** What the action form sends for a referral's resource. */
export type ReferralChoice = { resourceId: string | null; name: string; text: string };

export const EMPTY_REFERRAL: ReferralChoice = { resourceId: null, name: '', text: '' };

/**
 * Picks a referral's resource: searches the directory (GET /api/resources/services, the directory's own scope)
 * and picks a service, or names it in words when it is not listed. Roles that cannot search the directory
 * (the server says so in `referralPicker`) get the free-text field only, with the reason on screen.
 */
export function ReferralPicker({
  c,
  value,
  onChange,
}: {
  c: ConsultationDetail;
  value: ReferralChoice;
  onChange: (v: ReferralChoice) => void;
}) {
  const t = useT();
  if (c.referralPicker === 'free_text') {
    return (
      <div>
        <p className="mb-3 text-std-16N-170 text-solid-gray-800">{t('consult.referral.freeTextOnly')}</p>
        <TextField
          label={t('consult.referral.freeTextOnlyLabel')}
          value={value.text}
          onChange={(text) => onChange({ resourceId: null, name: '', text })}
          required
        />
      </div>
    );
  }
  return (
    <div>
      {value.resourceId ? (
        <div className="mb-5 flex flex-wrap items-center gap-3">
          <p className="text-std-16B-170">{t('consult.referral.picked', { name: value.name })}</p>
          <Button variant="text" onClick={() => onChange(EMPTY_REFERRAL)}>
            {t('consult.referral.clear')}
          </Button>
        </div>
      ) : (
        <DirectorySearch c={c} onPick={(s) => onChange({ resourceId: s.id, name: s.name, text: '' })} />
      )}
      {!value.resourceId && (
        <TextField
          label={t('consult.referral.freeText')}
          value={value.text}
          onChange={(text) => onChange({ resourceId: null, name: '', text })}
        />
      )}
    </div>
  );
}

type ServiceQuery = { q: string; municipalityCode?: string };

function DirectorySearch({ c, onPick }: { c: ConsultationDetail; onPick: (s: ServiceSummary) => void }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [sameMunicipality, setSameMunicipality] = useState(false);
  const [query, setQuery] = useState<ServiceQuery | null>(null);
  const search = (e?: FormEvent) => {
    e?.preventDefault();
    setQuery({ q: draft.trim(), ...(sameMunicipality ? { municipalityCode: c.municipalityCode } : {}) });
  };
  return (
    <div className="mb-5 rounded-8 border border-solid-gray-300 px-4 py-3">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          type="search"
          label={t('consult.referral.search')}
          hint={t('consult.referral.searchHint')}
          value={draft}
          onChange={setDraft}
          onKeyDown={(e) => {
            // The picker sits inside the action form: Enter searches instead of submitting the action.
            if (e.key === 'Enter') {
              e.preventDefault();
              search();
            }
          }}
          wrapperClassName="min-w-64 flex-1"
        />
        <Button variant="secondary" onClick={() => search()} className="mb-5">
          {t('consult.referral.searchButton')}
        </Button>
      </div>
      <Checkbox
        label={t('consult.referral.sameMunicipality', { name: c.municipalityName ?? c.municipalityCode })}
        checked={sameMunicipality}
        onChange={setSameMunicipality}
      />
      {query && <Results query={query} onPick={onPick} />}
    </div>
  );
}

/** The services found (only asked once the user searched). */
function Results({ query, onPick }: { query: ServiceQuery; onPick: (s: ServiceSummary) => void }) {
  const t = useT();
  const services = useServices({ ...query, status: 'active', pageSize: 10 });
  if (services.error) return <ApiErrorAlert error={services.error} />;
  if (!services.data) return null;
  const { items, total } = services.data;
  if (items.length === 0) return <p className="mt-2">{t('consult.referral.noResults')}</p>;
  return (
    <div className="mt-2">
      <p className="text-std-16B-170">{t('consult.referral.results', { n: total })}</p>
      <ul className="space-y-1">
        {items.map((s) => (
          <li key={s.id}>
            <Button variant="text" onClick={() => onPick(s)} className="text-left">
              {t('consult.referral.resultLabel', {
                name: s.name,
                org: s.organizationName,
                municipality: s.municipalityName ?? s.municipalityCode,
              })}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
