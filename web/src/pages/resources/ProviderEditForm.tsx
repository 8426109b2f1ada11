import { type FormEvent, useState } from 'react';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { type Service, useCorrectService } from '../../lib/queries/resources';
import { type ProviderDraft, providerDraftOf, providerEditOf } from '../public/resources/draft';
import { ProviderFields } from '../public/resources/ProviderFields';
import { issueAt, SaveErrorAlert } from './SaveErrorAlert';

/**
 * A provider's own listing, signed in (provider_staff): the fields a provider may correct, saved with PATCH,
 * which also confirms the listing. Staff-only fields (organisation, type, location) stay with the centre.
 */
export function ProviderEditForm({ service, onSaved }: { service: Service; onSaved: () => void }) {
  const t = useT();
  const correct = useCorrectService();
  const [draft, setDraft] = useState<ProviderDraft>(() => providerDraftOf(service));
  const [version, setVersion] = useState(service.version);
  const errorOf = (path: string) => issueAt(correct.error, path);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    correct.mutate(
      { id: service.id, version, changes: providerEditOf(draft) },
      { onSuccess: () => onSaved() },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('resources.staff.editForm')}>
      <SaveErrorAlert
        mutation={correct}
        onVersion={setVersion}
        onReload={(current) => setDraft(providerDraftOf(current))}
      />
      <ProviderFields
        draft={draft}
        onChange={(k, v) => setDraft((d) => ({ ...d, [k]: v }))}
        errorOf={errorOf}
      />
      <div className="mb-10 flex flex-wrap gap-3">
        <Button type="submit" disabled={correct.isPending}>
          {t('resources.confirm.saveAndConfirm')}
        </Button>
      </div>
    </form>
  );
}
