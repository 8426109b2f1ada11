import { useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { fetchForPrint } from '../../lib/queries/disaster-events';

/**
 * Printing the list for when the network fails: the list is read again as an export (so the print is audited)
 * before the browser's print dialog opens.
 */
export function PrintButton({ path, query }: { path: string; query: Record<string, string> }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="mb-4 print:hidden">
      <Button
        variant="secondary"
        onClick={() => {
          fetchForPrint(path, query)
            .then(() => window.print())
            .catch(setError);
        }}
      >
        {t('de.print')}
      </Button>
      <ApiErrorAlert error={error} />
    </div>
  );
}
