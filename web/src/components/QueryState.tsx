import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { ApiErrorAlert } from './Alert';
import { Button } from './Button';

/** Loading and error states of a query, with a retry button; renders children once data is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) {
    return (
      <div>
        <ApiErrorAlert error={query.error} />
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </div>
    );
  }
  return (
    <p role="status" className="my-6 text-std-16N-170 text-solid-gray-700">
      {t('app.loading')}
    </p>
  );
}
