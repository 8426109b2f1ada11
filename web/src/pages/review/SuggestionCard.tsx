import { Link } from '@tanstack/react-router';
import { SEX_LABELS } from '../../../../src/shared/vocab/registry';
import { Button } from '../../components/Button';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, fullName } from '../../lib/format';
import type { RegistrationDetail, Suggestion } from '../../lib/queries/registrations';

/**
 * One suggested existing record beside the registration: the facts side by side, the reasons for the score
 * (each with its points), a link to the record and the merge button.
 */
export function SuggestionCard({
  index,
  suggestion,
  detail,
  canDecide,
  onMerge,
}: {
  index: number;
  suggestion: Suggestion;
  detail: RegistrationDetail;
  canDecide: boolean;
  onMerge: (s: Suggestion) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const s = suggestion.child;
  const r = detail.registration;
  const c = r.payload.child;
  const headingId = `suggestion-${s.id}`;
  const rows: [string, string, string][] = [
    [t('review.name'), fullName(c.familyName, c.givenName), fullName(s.familyName, s.givenName)],
    [t('review.kana'), fullName(c.familyKana, c.givenKana), fullName(s.familyKana, s.givenKana)],
    [
      t('register.birthDate'),
      formatDate(c.birthDate, locale, { western: true }),
      formatDate(s.birthDate, locale, { western: true }),
    ],
    [t('register.sex'), vocab(t, SEX_LABELS, c.sex), vocab(t, SEX_LABELS, s.sex)],
    [t('register.municipality'), r.municipalityName, s.municipalityName],
    [t('register.street'), c.address, s.address ?? '—'],
  ];
  return (
    <section aria-labelledby={headingId} className="mb-6 rounded-12 border border-solid-gray-300 p-4">
      <h3 id={headingId} className="mb-2 text-std-20B-150">
        {t('review.candidate', { n: index + 1, name: fullName(s.familyName, s.givenName) })}
      </h3>
      <p className="mb-3 text-std-16B-170">
        {t('review.score', { score: suggestion.score })}
        <span
          className="ml-3 inline-block h-3 w-32 overflow-hidden rounded-full bg-solid-gray-200 align-middle"
          aria-hidden="true"
        >
          <span className="block h-full bg-key-900" style={{ width: `${suggestion.score}%` }} />
        </span>
      </p>
      <Table caption={t('review.compareCaption', { n: index + 1 })} captionHidden>
        <thead>
          <tr>
            <Th>{t('review.item')}</Th>
            <Th>{t('review.thisRegistration')}</Th>
            <Th>{t('review.existingRecord')}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, a, b]) => (
            <tr key={label}>
              <RowTh className="font-bold">{label}</RowTh>
              <Td>{a}</Td>
              <Td className={a === b ? '' : 'font-bold'}>{b}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <h4 className="mb-1 text-std-17B-170">{t('review.reasons')}</h4>
      <ul className="mb-4 list-disc pl-6 text-std-16N-170">
        {suggestion.reasons.map((reason) => (
          <li key={reason.code}>
            {reason[locale]}（{reason.points > 0 ? `+${reason.points}` : reason.points}）
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Link
          to="/children/$childId"
          params={{ childId: s.id }}
          className="inline-flex min-h-11 items-center text-std-16B-170"
        >
          {t('review.openRecord')}
        </Link>
        {canDecide && (
          <Button variant="secondary" onClick={() => onMerge(suggestion)}>
            {t('review.merge')}
            <span className="sr-only">{t('review.candidateN', { n: index + 1 })}</span>
          </Button>
        )}
      </div>
    </section>
  );
}
