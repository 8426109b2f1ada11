import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { renderMarkdown } from '../../../../src/shared/markdown';
import {
  CONTENT_LANG_LABELS,
  CONTENT_LANGS,
  type ContentLang,
  isFixedPublicPageKind,
  PUBLIC_PAGE_KIND_LABELS,
  PUBLIC_PAGE_KINDS,
  PUBLIC_PAGE_STATUS_LABELS,
  PUBLIC_PAGE_STATUSES,
  type PublicPageKind,
  type PublicPageStatus,
} from '../../../../src/shared/vocab/public-site';
import { ROLE_LABELS } from '../../../../src/shared/vocab/roles';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { demoteHeadings } from '../public/site/SiteHtml';
import { type PublicPage, usePage, useSavePage } from './api';
import { KeeperOnly } from './KeeperOnly';

const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';
const SUFFIX: Record<ContentLang, 'Ja' | 'En' | 'Easy'> = { ja: 'Ja', en: 'En', easy: 'Easy' };

type Draft = {
  slug: string;
  status: PublicPageStatus;
  startsAt: string;
  endsAt: string;
  titleJa: string;
  titleEn: string;
  titleEasy: string;
  bodyJa: string;
  bodyEn: string;
  bodyEasy: string;
};

/** An instant as a datetime-local value in Japan time, and back (the product's times are Japan's). */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}
function fromLocalInput(v: string): string | null {
  return v ? `${v}:00+09:00` : null;
}

function draftOf(p: PublicPage | undefined): Draft {
  return {
    slug: p?.slug ?? '',
    status: p?.status ?? 'draft',
    startsAt: toLocalInput(p?.startsAt ?? null),
    endsAt: toLocalInput(p?.endsAt ?? null),
    titleJa: p?.titleJa ?? '',
    titleEn: p?.titleEn ?? '',
    titleEasy: p?.titleEasy ?? '',
    bodyJa: p?.bodyJa ?? '',
    bodyEn: p?.bodyEn ?? '',
    bodyEasy: p?.bodyEasy ?? '',
  };
}

function PageForm({ kind, page }: { kind: PublicPageKind; page?: PublicPage }) {
  const t = useT();
  const navigate = useNavigate();
  const save = useSavePage();
  const [d, setD] = useState<Draft>(() => draftOf(page));
  const [previewing, setPreviewing] = useState(false);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const fixed = isFixedPublicPageKind(kind);
  const kindName = vocab(t, PUBLIC_PAGE_KIND_LABELS, kind);
  const submit = () => {
    const fields = {
      status: d.status,
      titleJa: d.titleJa,
      titleEn: d.titleEn,
      titleEasy: d.titleEasy,
      bodyJa: d.bodyJa,
      bodyEn: d.bodyEn,
      bodyEasy: d.bodyEasy,
      startsAt: kind === 'emergency' ? fromLocalInput(d.startsAt) : null,
      endsAt: kind === 'emergency' ? fromLocalInput(d.endsAt) : null,
    };
    if (page) save.mutate({ id: page.id, body: { ...fields, version: page.version } });
    else
      save.mutate(
        { body: { ...fields, kind, ...(fixed ? {} : { slug: d.slug }) } },
        {
          onSuccess: (created) =>
            void navigate({ to: '/public-site/pages/$pageId', params: { pageId: created.id } }),
        },
      );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label={
        page
          ? t('publicSiteStaff.editTitle', { title: page.titleJa })
          : t('publicSiteStaff.newTitle', { kind: kindName })
      }
    >
      {page ? (
        <p className="mb-4 text-std-16N-170">
          {t('publicSiteStaff.address', { path: `/public/pages/${page.slug}` })}{' '}
          {page.status === 'published' && (
            <a href={`/public/pages/${page.slug}`} className={LINK}>
              {t('publicSiteStaff.view')}
            </a>
          )}
        </p>
      ) : (
        !fixed && (
          <TextField
            label={t('publicSiteStaff.slug')}
            value={d.slug}
            onChange={(v) => set({ slug: v })}
            required
            pattern="[a-z0-9][a-z0-9\-]{0,59}"
            autoComplete="off"
          />
        )
      )}
      <SelectField
        label={t('publicSiteStaff.status')}
        value={d.status}
        onChange={(v) => set({ status: v as PublicPageStatus })}
        options={vocabOptions(t, PUBLIC_PAGE_STATUSES, PUBLIC_PAGE_STATUS_LABELS)}
      />
      {kind === 'emergency' && (
        <>
          <p className="mb-3 text-std-16N-170">{t('publicSiteStaff.windowHint')}</p>
          <TextField
            label={t('publicSiteStaff.startsAt')}
            type="datetime-local"
            value={d.startsAt}
            onChange={(v) => set({ startsAt: v })}
            required
          />
          <TextField
            label={t('publicSiteStaff.endsAt')}
            type="datetime-local"
            value={d.endsAt}
            onChange={(v) => set({ endsAt: v })}
            required
          />
        </>
      )}
      <p className="mb-4 text-std-16N-170">{t('publicSiteStaff.jaRequired')}</p>
      {CONTENT_LANGS.map((l) => (
        <fieldset key={l} className="mb-6 rounded-8 border border-solid-gray-300 p-4">
          <legend className="px-1 text-std-17B-170">{vocab(t, CONTENT_LANG_LABELS, l)}</legend>
          <TextField
            label={`${t('publicSiteStaff.pageTitle')}（${vocab(t, CONTENT_LANG_LABELS, l)}）`}
            value={d[`title${SUFFIX[l]}`]}
            onChange={(v) => set({ [`title${SUFFIX[l]}`]: v })}
            required={l === 'ja'}
          />
          <TextAreaField
            label={`${t('publicSiteStaff.body')}（${vocab(t, CONTENT_LANG_LABELS, l)}）`}
            hint={l === 'ja' ? t('publicSiteStaff.bodyHint') : undefined}
            value={d[`body${SUFFIX[l]}`]}
            onChange={(v) => set({ [`body${SUFFIX[l]}`]: v })}
            rows={l === 'ja' ? 12 : 6}
          />
        </fieldset>
      ))}
      {save.error &&
        (isApiError(save.error, 'conflict') ? (
          <ErrorAlert>{t('publicSiteStaff.conflict')}</ErrorAlert>
        ) : (
          <ApiErrorAlert error={save.error} />
        ))}
      <StatusMessage>
        {save.isSuccess && page ? t('publicSiteStaff.saved', { version: page.version }) : null}
      </StatusMessage>
      <p className="mb-6 flex flex-wrap gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t('publicSiteStaff.save')}
        </Button>
        <Button variant="secondary" onClick={() => setPreviewing((v) => !v)} aria-expanded={previewing}>
          {previewing ? t('publicSiteStaff.closePreview') : t('publicSiteStaff.preview')}
        </Button>
      </p>
      {previewing && (
        <section aria-label={t('publicSiteStaff.preview')} className="mb-6">
          {CONTENT_LANGS.filter((l) => d[`title${SUFFIX[l]}`].trim() || d[`body${SUFFIX[l]}`].trim()).map(
            (l) => (
              <section
                key={l}
                aria-label={t('publicSiteStaff.previewOf', { lang: vocab(t, CONTENT_LANG_LABELS, l) })}
                className="mb-4 rounded-8 border border-solid-gray-420 p-4"
                lang={l === 'en' ? 'en' : 'ja'}
              >
                <h2 className="mb-3 text-std-24B-150">{d[`title${SUFFIX[l]}`]}</h2>
                <div
                  className="text-std-16N-170 [&_a]:text-key-900 [&_a]:underline [&_h3]:mt-4 [&_h3]:text-std-20B-150 [&_li]:mb-1 [&_p]:mb-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6"
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: src/shared/markdown.ts escapes raw HTML and drops unsafe links
                  dangerouslySetInnerHTML={{
                    __html: demoteHeadings(renderMarkdown(d[`body${SUFFIX[l]}`]), 2),
                  }}
                />
              </section>
            ),
          )}
        </section>
      )}
    </form>
  );
}

function Versions({ page }: { page: PublicPage }) {
  const t = useT();
  return (
    <section aria-labelledby="page-versions" className="mt-8">
      <h2 id="page-versions" className="mb-2 text-std-20B-150">
        {t('publicSiteStaff.versions')}
      </h2>
      <ol className="list-none">
        {page.versions.map((v) => (
          <li key={v.version} className="border-t border-solid-gray-300 py-2 text-std-16N-170">
            {t('publicSiteStaff.versionRow', {
              version: v.version,
              status: vocab(t, PUBLIC_PAGE_STATUS_LABELS, v.status),
              who: `${v.editedBy.name}（${vocab(t, ROLE_LABELS, v.editedBy.role)}）`,
              date: formatDateTime(v.editedAt, t.locale),
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A new page of the kind named in ?kind= (/public-site/pages/new). */
export function NewPagePage() {
  return (
    <KeeperOnly>
      <NewPagePageBody />
    </KeeperOnly>
  );
}

function NewPagePageBody() {
  const t = useT();
  const { kind: raw } = useSearch({ strict: false }) as { kind?: string };
  const kind = (PUBLIC_PAGE_KINDS as readonly string[]).includes(raw ?? '')
    ? (raw as PublicPageKind)
    : 'free';
  return (
    <Page title={t('publicSiteStaff.newTitle', { kind: vocab(t, PUBLIC_PAGE_KIND_LABELS, kind) })}>
      <p className="mb-4">
        <Link to="/public-site" className={LINK}>
          {t('publicSiteStaff.back')}
        </Link>
      </p>
      <PageForm key={kind} kind={kind} />
    </Page>
  );
}

/** A page's form with its preview and versions (/public-site/pages/{id}). */
export function EditPagePage() {
  return (
    <KeeperOnly>
      <EditPagePageBody />
    </KeeperOnly>
  );
}

function EditPagePageBody() {
  const t = useT();
  const { pageId } = useParams({ strict: false }) as { pageId: string };
  const page = usePage(pageId);
  return (
    <Page
      title={
        page.data ? t('publicSiteStaff.editTitle', { title: page.data.titleJa }) : t('publicSiteStaff.title')
      }
    >
      <p className="mb-4">
        <Link to="/public-site" className={LINK}>
          {t('publicSiteStaff.back')}
        </Link>
      </p>
      <QueryState query={page}>
        {(p) => (
          <>
            <PageForm key={p.id} kind={p.kind} page={p} />
            <Versions page={p} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
