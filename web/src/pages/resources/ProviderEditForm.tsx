import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { type Service, useCorrectService } from '../../lib/queries/resources';
import { type ProviderDraft, providerDraftOf, providerEditOf } from '../public/resources/draft';
import { ProviderFields } from '../public/resources/ProviderFields';

/**
 * A provider's own listing, signed in (provider_staff): the fields a provider may correct, saved with PATCH,
 * which also confirms the listing. Staff-only fields (organisation, type, location) stay with the centre.
 */
export function ProviderEditForm({ service, onSaved }: { service: Service; onSaved: () => void }) {
  const t = useT();
  const correct = useCorrectService();
  const [draft, setDraft] = useState<ProviderDraft>(() => providerDraftOf(service));
  const [version, setVersion] = useState(service.version);
  const conflict = isApiError(correct.error, 'conflict')
    ? (correct.error.detail as { current?: Service } | undefined)?.current
    : undefined;
  const errorOf = (path: string) => {
    if (!isApiError(correct.error)) return null;
    return correct.error.issues.find((i) => i.path === path)?.message ?? null;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    correct.mutate(
      { id: service.id, version, changes: providerEditOf(draft) },
      { onSuccess: () => onSaved() },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('resources.staff.editForm')}>
      {conflict ? (
        <ErrorAlert>
          <p>{t('resources.staff.conflict')}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                setDraft(providerDraftOf(conflict));
                setVersion(conflict.version);
                correct.reset();
              }}
            >
              {t('resources.staff.conflictReload')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setVersion(conflict.version);
                correct.reset();
              }}
            >
              {t('resources.staff.conflictKeep')}
            </Button>
          </div>
        </ErrorAlert>
      ) : (
        <ApiErrorAlert error={correct.error} />
      )}
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
