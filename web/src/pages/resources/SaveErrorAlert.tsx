import { ApiErrorAlert, ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import type { Service } from '../../lib/queries/resources';

/** The message for the field at `path` among a failed save's issues, or null. */
export function issueAt(error: unknown, path: string): string | null {
  if (!isApiError(error)) return null;
  return error.issues.find((i) => i.path === path)?.message ?? null;
}

/**
 * The error of saving a listing (staff form and provider form). On a 409 (someone saved first) it offers to
 * load the current listing (`onReload`, dropping the edits) or to keep the edits and save over it; both take the
 * current version and clear the error. Any other error is shown as it is.
 */
export function SaveErrorAlert({
  mutation,
  onVersion,
  onReload,
}: {
  mutation: { error: unknown; reset: () => void };
  onVersion: (version: number) => void;
  onReload: (current: Service) => void;
}) {
  const t = useT();
  const { error } = mutation;
  const conflict = isApiError(error, 'conflict')
    ? (error.detail as { current?: Service } | undefined)?.current
    : undefined;
  if (!conflict) return <ApiErrorAlert error={error} />;
  return (
    <ErrorAlert>
      <p>{t('resources.staff.conflict')}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            onReload(conflict);
            onVersion(conflict.version);
            mutation.reset();
          }}
        >
          {t('resources.staff.conflictReload')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            onVersion(conflict.version);
            mutation.reset();
          }}
        >
          {t('resources.staff.conflictKeep')}
        </Button>
      </div>
    </ErrorAlert>
  );
}
