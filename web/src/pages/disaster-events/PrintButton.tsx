import { useState } from 'react';
import { flushSync } from 'react-dom';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { fetchForPrint, type OutageList } from '../../lib/queries/disaster-events';

/**
 * Printing the list for when the network fails: the whole list is read again as an export (so the print is
 * audited) and shown through `onList` — the screen shows the most urgent rows only — before the browser's print
 * dialog opens; `onList(null)` returns the screen to its page once the dialog closes.
 */
export function PrintButton({
  path,
  query,
  onList,
}: {
  path: string;
  query: Record<string, string>;
  onList: (list: OutageList | null) => void;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="mb-4 print:hidden">
      <Button
        variant="secondary"
        onClick={() => {
          fetchForPrint(path, query)
            .then((all) => {
              flushSync(() => onList(all));
              window.print();
              onList(null);
            })
            .catch(setError);
        }}
      >
        {t('de.print')}
      </Button>
      <ApiErrorAlert error={error} />
    </div>
  );
}
