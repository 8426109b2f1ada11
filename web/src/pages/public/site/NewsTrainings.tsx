import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { useCatalogue } from '../trainings/trainings-api';

/** News and events: the open and coming trainings of the learning module's public catalogue, the first five. */
export function NewsTrainings({ prefecture }: { prefecture: string }) {
  const t = useT();
  const { locale } = useLocale();
  const catalogue = useCatalogue({ prefecture });
  return (
    <section aria-labelledby="news-trainings" className="mt-8">
      <h2 id="news-trainings" className="mb-3 text-std-20B-150">
        {t('publicSite.news.trainings')}
      </h2>
      <QueryState query={catalogue}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('publicSite.news.noTrainings')}</p>
          ) : (
            <ul className="mb-3 grid gap-2">
              {data.items.slice(0, 5).map((s) => (
                <li key={s.id} className="rounded-8 border border-solid-gray-300 p-3">
                  <p className="text-std-16B-170" lang="ja">
                    {s.title || s.courseTitle}
                  </p>
                  {s.days[0] && (
                    <p className="text-std-16N-170">
                      {formatDate(s.days[0].heldOn, locale)}
                      {s.place ? ` ・ ${s.place}` : ''}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <a
        href="/public/trainings"
        className="inline-flex min-h-11 items-center text-std-16B-170 text-key-900 underline"
      >
        {t('publicSite.news.allTrainings')}
      </a>
    </section>
  );
}
