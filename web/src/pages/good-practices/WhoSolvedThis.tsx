import { Link } from '@tanstack/react-router';
import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { useSuggestions } from '../../lib/queries/good-practices';
import { useRole } from '../learning/courses/Guard';
import { readsStories } from './access';
import { areaLine, ThemeChips } from './shared';

/**
 * 「似た課題を解決した事例」 on a consultation's page (KU-4): the prefecture's published stories closest to the
 * consultation (shared topics and similar words), each with who solved it, so the centre can put the asker in
 * touch with a peer.
 */
export function WhoSolvedThis({ consultationId }: { consultationId: string }) {
  const t = useT();
  const role = useRole();
  const query = useSuggestions(consultationId);
  if (!role || !readsStories(role)) return null;
  return (
    <Section id="who-solved-this" title={t('gp.suggest.title')}>
      <p className="mb-3 max-w-3xl">{t('gp.suggest.intro')}</p>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p role="status">{t('gp.suggest.empty')}</p>
          ) : (
            <ul className="grid max-w-3xl gap-3">
              {data.items.map((s) => (
                <li key={s.id} className="rounded-8 border border-solid-gray-300 p-3">
                  <Link
                    to="/good-practices/$storyId"
                    params={{ storyId: s.id }}
                    className="inline-flex min-h-11 items-center text-std-16B-170"
                  >
                    {s.title}
                  </Link>
                  <p className="text-std-16N-170">{s.summary}</p>
                  <p className="text-dns-14N-130 text-solid-gray-700">
                    {t('gp.solver')}：{s.solver}（{areaLine(s)}）{s.hasContact && ` ・ ${t('gp.hasContact')}`}
                  </p>
                  <ThemeChips s={s} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}
