import type { z } from '@hono/zod-openapi';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearch } from '@tanstack/react-router';
import type { ZPublicLibraryItem, ZPublicLibraryList } from '../../../../../src/modules/library/schemas';
import {
  LIBRARY_KIND_LABELS,
  LIBRARY_SITUATION_LABELS,
  LIBRARY_SITUATIONS,
} from '../../../../../src/shared/vocab/library';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { isVideo, VideoPlayer } from '../../../components/VideoPlayer';
import { useLocale, useT } from '../../../i18n';
import { api } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { parsePublicLibrarySearch } from './routes';
import './strings';

type Item = z.infer<typeof ZPublicLibraryItem>;
const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';
const BUTTON =
  'inline-flex min-h-11 items-center justify-center rounded-8 bg-key-900 px-4 py-2 text-oln-16B-100 text-white no-underline hover:bg-key-1000 hover:text-white';

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One item: its description (rendered safely by the server), its file or link, version and review date. */
function ItemBody({ item, heading }: { item: Item; heading: 'h1' | 'h2' }) {
  const t = useT();
  const { locale } = useLocale();
  const H = heading;
  return (
    <article className="mb-6 rounded-8 border border-solid-gray-300 p-4">
      <p className="text-dns-14N-130 text-solid-gray-700">
        {LIBRARY_KIND_LABELS[item.kind][locale]} ・{' '}
        {item.situations.map((s) => LIBRARY_SITUATION_LABELS[s][locale]).join('・')}
      </p>
      {heading === 'h2' ? (
        <H className="text-std-20B-150">
          <a href={`/public/library/${item.id}`} className={LINK}>
            {item.title}
          </a>
        </H>
      ) : null}
      {item.archived && (
        <p className="my-3 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-3 text-std-16N-170">
          {t('publicLibrary.archived')}
        </p>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by src/shared/markdown.ts on the server */}
      <div className="my-3" dangerouslySetInnerHTML={{ __html: item.descriptionHtml }} />
      <p className="mb-3 text-std-16N-170">
        {t('publicLibrary.version', { n: item.versionNumber, date: formatDate(item.reviewedOn, locale) })}
      </p>
      {heading === 'h1' && item.filePath && isVideo(item.file?.contentType) && (
        <VideoPlayer
          src={item.filePath}
          title={item.title}
          fallback={t('publicLibrary.cannotPlay')}
          tracks={item.captions}
        />
      )}
      {item.filePath && item.file && (
        <a href={item.filePath} className={BUTTON}>
          {t('publicLibrary.openFile', { name: item.file.name, size: sizeText(item.file.byteSize) })}
        </a>
      )}
      {item.url && (
        <a href={item.url} rel="noopener noreferrer" className={BUTTON}>
          {t('publicLibrary.openLink')}
        </a>
      )}
    </article>
  );
}

/** /public/library: a prefecture's public items, by situation. */
export function PublicLibraryPage() {
  const t = useT();
  const { locale } = useLocale();
  const search = parsePublicLibrarySearch(useSearch({ strict: false }) as Record<string, unknown>);
  const prefecture = search.prefecture ?? '14';
  const list = useQuery({
    queryKey: ['public-library', prefecture, search.situation],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof ZPublicLibraryList>>(
        '/api/public/library/items',
        { prefecture, situation: search.situation },
        signal,
      ),
  });
  return (
    <Page title={t('publicLibrary.title')} intro={t('publicLibrary.intro')}>
      <nav aria-label={t('publicLibrary.bySituation')} className="mb-6 flex flex-wrap gap-x-4">
        {LIBRARY_SITUATIONS.map((s) => (
          <a key={s} href={`/public/library?prefecture=${prefecture}&situation=${s}`} className={LINK}>
            {LIBRARY_SITUATION_LABELS[s][locale]}
          </a>
        ))}
      </nav>
      <QueryState query={list}>
        {(data) =>
          data.items.length ? (
            data.items.map((i) => <ItemBody key={i.id} item={i} heading="h2" />)
          ) : (
            <p role="status">{t('publicLibrary.empty')}</p>
          )
        }
      </QueryState>
    </Page>
  );
}

/** /public/library/{id}: the item a family was handed, from the printed address or QR code. */
export function PublicLibraryItemPage() {
  const { itemId } = useParams({ strict: false }) as { itemId: string };
  const item = useQuery({
    queryKey: ['public-library', 'item', itemId],
    queryFn: ({ signal }) =>
      api.get<Item>(`/api/public/library/items/${encodeURIComponent(itemId)}`, undefined, signal),
  });
  return (
    <QueryState query={item}>
      {(data) => (
        <Page title={data.title}>
          <ItemBody item={data} heading="h1" />
        </Page>
      )}
    </QueryState>
  );
}
