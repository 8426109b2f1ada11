import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { useSession } from '../../lib/queries/auth';
import { readDefinitionSheet, type SheetAnswer } from '../../lib/queries/surveys';

/**
 * 「Excelから読み込む」: an XLSForm-style .xlsx (sheets `survey` and `choices`) read by the server into questions
 * that replace the form's; nothing is kept until the survey is saved. Rows it could not read are listed.
 */
export function SheetImport({
  onLoaded,
  onCancel,
}: {
  onLoaded: (answer: SheetAnswer) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const csrf = useSession().data?.csrfToken ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [issues, setIssues] = useState<SheetAnswer['issues'] | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setPending(true);
    setError(null);
    setIssues(null);
    try {
      const answer = await readDefinitionSheet(file, csrf);
      setIssues(answer.issues);
      onLoaded(answer);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="mb-6 max-w-3xl rounded-8 border border-solid-gray-420 p-4">
      <label htmlFor="survey-sheet" className="mb-1 block text-std-17B-170">
        {t('sv.sheet.file')}
      </label>
      <p id="survey-sheet-hint" className="mb-2 text-std-16N-170 text-solid-gray-700">
        {t('sv.sheet.hint')}
      </p>
      <input
        id="survey-sheet"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby="survey-sheet-hint"
        className="mb-4 block min-h-11"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <ApiErrorAlert error={error} />
      {issues && issues.length > 0 && (
        <div role="alert" className="my-4 rounded-8 border-2 border-error-2 px-4 py-3 text-std-16N-170">
          <p className="text-std-16B-170 text-error-2">{t('sv.sheet.issues', { n: issues.length })}</p>
          <ul className="mt-1 list-disc pl-6">
            {issues.map((i) => (
              <li key={i.path}>{t(`sv.sheet.issue.${i.code}`, { row: i.row, detail: i.detail })}</li>
            ))}
          </ul>
        </div>
      )}
      <StatusMessage>{issues && issues.length === 0 ? t('sv.sheet.loaded') : null}</StatusMessage>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={!file || pending}>
          {t('sv.sheet.read')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('sv.sheet.close')}
        </Button>
      </div>
    </form>
  );
}
