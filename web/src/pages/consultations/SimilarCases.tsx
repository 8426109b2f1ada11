import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useSimilarConsultations } from '../../lib/queries/consultations';
import { CaseLink } from './CaseLink';
import { outcomeLabel, tierLabel, topicLabel } from './labels';

/** The hub (KU-4): similar past cases and who resolved them. */
export function SimilarCases({ id }: { id: string }) {
  const t = useT();
  const { locale } = useLocale();
  const query = useSimilarConsultations(id);
  return (
    <Section title={t('consult.similar')} id="consult-similar">
      <p className="mb-3 text-solid-gray-700">{t('consult.similar.intro')}</p>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('consult.similar.empty')}</p>
          ) : (
            <ul className="space-y-3">
              {data.items.map((s) => (
                <li key={s.id} className="rounded-8 border border-solid-gray-300 px-4 py-3">
                  <p className="text-std-16B-170">
                    <CaseLink id={s.id}>
                      {formatDate(s.openedOn, locale)}
                      {t('consult.sep.gap')}
                      {s.municipalityName ?? ''}
                    </CaseLink>
                    {t('consult.sep.gap')}
                    {s.topics.map((x) => topicLabel(t, x)).join(t('consult.sep.list'))}
                  </p>
                  <p className="whitespace-pre-wrap">{s.narrative}</p>
                  <p>
                    {t('consult.similar.resolvedBy', {
                      team: s.resolvedTeamName ?? '—',
                      tier: s.resolvedTier ? tierLabel(t, s.resolvedTier) : '—',
                      person: s.resolvedByName ?? '',
                    })}
                    {s.outcome ? `${t('consult.sep.gap')}${outcomeLabel(t, s.outcome)}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}
