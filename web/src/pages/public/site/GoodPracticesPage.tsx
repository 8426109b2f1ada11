import type { z } from '@hono/zod-openapi';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { ZPublicStory, ZPublicStoryList } from '../../../../../src/modules/good-practices/schemas';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { api } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { PrefecturePicker } from './PrefecturePicker';
import { usePublicSite } from './site-api';
import './strings';

type Story = z.infer<typeof ZPublicStory>;
const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';

function Meta({ s }: { s: Story }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <p className="text-dns-14N-130 text-solid-gray-700">
      <span lang="ja">{s.area}</span>
      {s.solverText && (
        <>
          {' ・ '}
          {t('publicSite.gp.solver')}
          <span lang="ja">{s.solverText}</span>
        </>
      )}
      {s.solvedOn && ` ・ ${t('publicSite.gp.solvedOn', { date: formatDate(s.solvedOn, locale) })}`}
    </p>
  );
}

/** /public/good-practices: the stories the centre put on its site, each with the consent of those in it. */
export function PublicGoodPracticesPage() {
  const t = useT();
  const { locale } = useLocale();
  const site = usePublicSite(locale);
  const prefecture = site.data?.site?.prefecture.code;
  const list = useQuery({
    enabled: !!prefecture,
    queryKey: ['public-site', 'good-practices', prefecture],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof ZPublicStoryList>>('/api/public/site/good-practices', { prefecture }, signal),
  });
  return (
    <Page title={t('publicSite.gp.title')} intro={t('publicSite.gp.intro')}>
      <QueryState query={site}>
        {(data) => (
          <>
            <PrefecturePicker data={data} />
            {prefecture && (
              <QueryState query={list}>
                {(l) =>
                  l.items.length ? (
                    <ul className="grid gap-4">
                      {l.items.map((s) => (
                        <li key={s.id} className="rounded-8 border border-solid-gray-300 p-4">
                          <h2 className="text-std-20B-150">
                            <a
                              href={`/public/good-practices/${s.id}?prefecture=${prefecture}`}
                              className={LINK}
                            >
                              <span lang="ja">{s.title}</span>
                            </a>
                          </h2>
                          <Meta s={s} />
                          <p className="mt-2" lang="ja">
                            {s.summary}
                          </p>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p role="status">{t('publicSite.gp.empty')}</p>
                  )
                }
              </QueryState>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

/** /public/good-practices/{id}: one story, its text rendered safely by the server. */
export function PublicGoodPracticePage() {
  const t = useT();
  const { locale } = useLocale();
  const { storyId } = useParams({ strict: false }) as { storyId: string };
  const site = usePublicSite(locale);
  const prefecture = site.data?.site?.prefecture.code;
  const story = useQuery({
    enabled: !!prefecture,
    queryKey: ['public-site', 'good-practice', prefecture, storyId],
    queryFn: ({ signal }) =>
      api.get<Story>(
        `/api/public/site/good-practices/${encodeURIComponent(storyId)}`,
        { prefecture },
        signal,
      ),
    retry: false,
  });
  return (
    <QueryState query={story}>
      {(s) => (
        <Page title={s.title}>
          <Meta s={s} />
          <p className="my-3 text-std-18B-160" lang="ja">
            {s.summary}
          </p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by src/shared/markdown.ts on the server */}
          <div className="mb-6" lang="ja" dangerouslySetInnerHTML={{ __html: s.bodyHtml ?? '' }} />
          <p>{t('publicSite.gp.ask')}</p>
          <a href={`/public/good-practices?prefecture=${prefecture}`} className={LINK}>
            {t('publicSite.gp.back')}
          </a>
        </Page>
      )}
    </QueryState>
  );
}
