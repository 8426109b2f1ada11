import type { ReactNode } from 'react';
import { useLocale } from '../i18n';
import { ApiError, errorMessage } from '../lib/api';

/** An error announced to screen readers at once (role="alert"). */
export function ErrorAlert({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <div
      role="alert"
      id={id}
      className="my-4 rounded-8 border-2 border-error-2 bg-red-50 px-4 py-3 text-std-16N-170 text-error-2"
    >
      {children}
    </div>
  );
}

/** The error of a failed request, in the UI language, with the field issues the server listed. */
export function ApiErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const { locale } = useLocale();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <ErrorAlert id={id}>
      <p>{errorMessage(error, locale)}</p>
      {issues.length > 0 && (
        <ul className="mt-1 list-disc pl-6">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {/* An issue written for people (ja and en) is shown in the UI language, without its field path. */}
              {issue[locale] ?? `${issue.path ? `${issue.path}: ` : ''}${issue.message}`}
            </li>
          ))}
        </ul>
      )}
    </ErrorAlert>
  );
}

/** A polite confirmation (role="status"): saved, copied, verified. Always rendered so it is announced. */
export function StatusMessage({
  children,
  tone = 'success',
}: {
  children?: ReactNode;
  tone?: 'success' | 'info';
}) {
  const colours =
    tone === 'success'
      ? 'border-success-2 bg-green-50 text-green-900'
      : 'border-key-900 bg-key-50 text-key-1000';
  return (
    <div
      role="status"
      className={children ? `my-4 rounded-8 border-2 px-4 py-3 text-std-16N-170 ${colours}` : ''}
    >
      {children}
    </div>
  );
}
