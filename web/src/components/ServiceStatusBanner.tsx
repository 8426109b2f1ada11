import { type Query, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useT } from '../i18n';
import { isTransient } from '../lib/retry';
import { Button } from './Button';

const failedTransiently = (q: Query) => q.state.status === 'error' && isTransient(q.state.error);

/**
 * Tells the user, above every page, when reads still fail after their retries because the server cannot be
 * reached or is briefly unavailable (decision 0015), and offers to try them again. It disappears once they
 * succeed. Other errors stay with the page that shows them.
 */
export function ServiceStatusBanner() {
  const t = useT();
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const unavailable = useSyncExternalStore(subscribe, () => cache.getAll().some(failedTransiently));
  if (!unavailable) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 border-b-2 border-error-2 bg-red-50 px-4 py-3 text-std-16N-170 text-error-2 print:hidden"
    >
      <p className="flex-1">{t('error.unavailable')}</p>
      <Button
        variant="secondary"
        onClick={() => void client.refetchQueries({ predicate: failedTransiently })}
      >
        {t('app.retry')}
      </Button>
    </div>
  );
}
