import type { Ref } from 'react';
import { type Locale, type Translate, useT } from '../../i18n';
import type { ApiIssue } from '../../lib/api';
import type { FieldErrors } from './form';

/** The name of the field at an error path, for the summary at the top of the form. */
export function labelOf(path: string, t: Translate): string {
  const [a, b, c, d] = path.split('.');
  const n = Number(c) + 1;
  if (a === 'child') {
    if (b === 'diagnoses') return t('register.diagnosis', { n });
    if (b === 'devices')
      return d === 'batteryHours' ? t('register.batteryHours') : t('register.deviceKind', { n });
    if (b === 'careItems') return t('register.careItems');
    const child: Record<string, Parameters<Translate>[0]> = {
      familyName: 'register.familyName',
      givenName: 'register.givenName',
      familyKana: 'register.familyKana',
      givenKana: 'register.givenKana',
      birthDate: 'register.birthDate',
      sex: 'register.sex',
      municipalityCode: 'register.municipality',
      address: 'register.street',
      livingSituation: 'register.livingSituation',
    };
    const key = b ? child[b] : undefined;
    return `${t('register.child')}：${key ? t(key) : b}`;
  }
  const person: Record<string, Parameters<Translate>[0]> = {
    familyName: 'register.familyName',
    givenName: 'register.givenName',
    familyKana: 'register.familyKana',
    givenKana: 'register.givenKana',
    relationship: 'register.relationship',
    phone: 'register.phone',
    email: 'register.email',
    name: 'register.submitterName',
    organisation: 'register.hospital',
  };
  if (a === 'guardians' && c !== undefined) {
    // guardians.<index>.<field>
    const key = person[c];
    return `${t('register.guardianN', { n: Number(b) + 1 })}：${key ? t(key) : c}`;
  }
  if (a === 'guardians') return t('register.guardians');
  if (a === 'submitter') {
    const key = b ? person[b] : undefined;
    return `${t('register.submitter')}：${key ? t(key) : ''}`;
  }
  return path;
}

export function issueText(issue: ApiIssue, locale: Locale): string {
  return (locale === 'ja' ? issue.ja : issue.en) ?? issue.message;
}

/** The list of problems on the current step, announced at once, each a button that moves focus to its field. */
export function ErrorSummary({
  errors,
  summaryRef,
}: {
  errors: FieldErrors;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const t = useT();
  const entries = Object.entries(errors);
  return (
    <div
      ref={summaryRef}
      role="alert"
      tabIndex={-1}
      className="my-4 rounded-8 border-2 border-error-2 bg-red-50 px-4 py-3 text-std-16N-170 text-error-2"
    >
      <p className="text-std-17B-170">{t('register.errorSummary', { n: entries.length })}</p>
      <ul className="mt-1 list-disc pl-6">
        {entries.map(([path, message]) => (
          <li key={path}>
            <button
              type="button"
              className="block min-h-11 w-full text-left underline underline-offset-4"
              onClick={() => document.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`)?.focus()}
            >
              {labelOf(path, t)}：{message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
