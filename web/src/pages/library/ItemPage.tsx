import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { LIBRARY_VISIBILITY_LABELS } from '../../../../src/shared/vocab/library';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button, buttonClass } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { isVideo, VideoPlayer } from '../../components/VideoPlayer';
import { useLocale, useT } from '../../i18n';
import { formatDate, formatDateTime, formatDay, formatNumber } from '../../lib/format';
import {
  type LibraryItem,
  uploadVersion,
  useArchiveItem,
  useLibraryItem,
  useUpdateItem,
} from '../../lib/queries/library';
import { forTrainingRoles } from '../learning/courses/Guard';
import { readsLibrary } from './access';
import { CaptionsPanel } from './CaptionsPanel';
import { ItemForm } from './ItemForm';
import { areaText, audiencesText, formatBytes, kindText, StaleBadge, situationsText } from './shared';

/** Adds the next version: a file (checked by content on the server) or, for a link, a new address. */
function NewVersionForm({ item, onDone }: { item: LibraryItem; onDone: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setPending(true);
    setError(null);
    try {
      await uploadVersion(item.id, item.version, file, note);
      await qc.invalidateQueries({ queryKey: ['library'] });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <label htmlFor="library-file" className="mb-1 block text-std-17B-170">
        {t('lib.file')}
      </label>
      <p id="library-file-hint" className="mb-2 text-std-16N-170 text-solid-gray-700">
        {t('lib.fileHint')}
      </p>
      <input
        id="library-file"
        type="file"
        aria-describedby="library-file-hint"
        className="mb-4 block min-h-11"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <TextField label={t('lib.note')} value={note} onChange={setNote} />
      <ApiErrorAlert error={error} />
      <Button type="submit" disabled={!file || pending}>
        {t('lib.save')}
      </Button>
    </form>
  );
}

function ItemView({ item }: { item: LibraryItem }) {
  const t = useT();
  const { locale } = useLocale();
  const update = useUpdateItem(item.id);
  const archive = useArchiveItem(item.id);
  const [mode, setMode] = useState<'view' | 'edit' | 'version'>('view');
  const [saved, setSaved] = useState(false);
  const current = item.current;
  return (
    <Page title={item.title}>
      <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-std-16N-170">
        <dt className="font-bold">{t('lib.kind')}</dt>
        <dd>
          {kindText(t, item)} ・ {LIBRARY_VISIBILITY_LABELS[item.visibility][locale]}
        </dd>
        <dt className="font-bold">{t('lib.situation')}</dt>
        <dd>{situationsText(t, item.situations)}</dd>
        <dt className="font-bold">{t('lib.audience')}</dt>
        <dd>{audiencesText(t, item.audiences)}</dd>
        <dt className="font-bold">{t('lib.municipality')}</dt>
        <dd>{areaText(t, item)}</dd>
        <dt className="font-bold">{t('lib.version')}</dt>
        <dd>{item.versionNumber ? t('lib.versionN', { n: item.versionNumber }) : t('lib.noVersion')}</dd>
        <dt className="font-bold">{t('lib.reviewedOn')}</dt>
        <dd>
          {formatDate(item.reviewedOn, locale)}（{t('lib.reviewDue')}：{formatDate(item.reviewDueOn, locale)}
          ）
          <StaleBadge t={t} stale={item.stale} />
        </dd>
      </dl>
      {item.archivedAt && (
        <p className="mb-4 max-w-3xl rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-3">
          {t('lib.archivedNotice', { date: formatDateTime(item.archivedAt, locale) })}
        </p>
      )}
      <p className="mb-4">{t('lib.handouts', { n: formatNumber(item.handoutCount, locale) })}</p>
      {current?.file && isVideo(current.file.contentType) && (
        <VideoPlayer
          src={`/api/library/items/${item.id}/file`}
          title={item.title}
          fallback={t('lib.cannotPlay')}
          tracks={item.captions}
        />
      )}
      <ApiErrorAlert error={archive.error} />
      <div className="mb-6 flex flex-wrap gap-3">
        {current?.file && (
          <a
            href={`/api/library/items/${item.id}/file`}
            className={buttonClass('primary', 'no-underline hover:text-white')}
          >
            {t('lib.download')}
          </a>
        )}
        {current?.url && (
          <a
            href={current.url}
            rel="noopener noreferrer"
            className={buttonClass('primary', 'no-underline hover:text-white')}
          >
            {t('lib.openLink')}
          </a>
        )}
        {item.archivedAt && item.allowed.archive && (
          <Button
            variant="secondary"
            disabled={archive.isPending}
            onClick={() => archive.mutate({ version: item.version, archived: false })}
          >
            {t('lib.restore')}
          </Button>
        )}
        {item.publicPath && (
          <Link
            to="/library/$itemId/sheet"
            params={{ itemId: item.id }}
            className={buttonClass('secondary', 'no-underline')}
          >
            {t('lib.handOut.printSheet')}
          </Link>
        )}
        {item.allowed.edit && mode === 'view' && (
          <>
            <Button variant="secondary" onClick={() => setMode('edit')}>
              {t('lib.edit')}
            </Button>
            {item.kind !== 'link' && (
              <Button variant="secondary" onClick={() => setMode('version')}>
                {t('lib.newVersion')}
              </Button>
            )}
            <Button
              variant="secondary"
              disabled={update.isPending}
              onClick={() =>
                update.mutate({ version: item.version, reviewed: true }, { onSuccess: () => setSaved(true) })
              }
            >
              {t('lib.markReviewed')}
            </Button>
            <Button
              variant="secondary"
              disabled={archive.isPending}
              onClick={() => archive.mutate({ version: item.version, archived: true })}
            >
              {t('lib.archive')}
            </Button>
          </>
        )}
      </div>
      <StatusMessage>{saved ? t('lib.saved') : null}</StatusMessage>
      {mode === 'view' && <ApiErrorAlert error={update.error} />}
      {mode === 'edit' && (
        <Section id="library-edit" title={t('lib.form.editTitle')}>
          <ItemForm
            item={item}
            pending={update.isPending}
            error={update.error}
            onCancel={() => setMode('view')}
            onSubmit={(v) =>
              update.mutate(
                {
                  version: item.version,
                  title: v.title,
                  description: v.description,
                  situations: v.situations,
                  audiences: v.audiences,
                  municipalityCodes: v.municipalityCodes,
                  visibility: v.visibility,
                },
                {
                  onSuccess: () => {
                    setMode('view');
                    setSaved(true);
                  },
                },
              )
            }
          />
        </Section>
      )}
      {mode === 'version' && (
        <Section id="library-version" title={t('lib.newVersion')}>
          <NewVersionForm
            item={item}
            onDone={() => {
              setMode('view');
              setSaved(true);
            }}
          />
        </Section>
      )}
      {current?.file && isVideo(current.file.contentType) && <CaptionsPanel item={item} />}
      <Section id="library-description" title={t('lib.description')}>
        {/* Rendered by the server from Markdown (src/shared/markdown.ts): raw HTML escaped, unsafe links dropped. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by src/shared/markdown.ts on the server */}
        <div className="prose max-w-3xl" dangerouslySetInnerHTML={{ __html: item.descriptionHtml }} />
      </Section>
      <Section id="library-versions" title={t('lib.versions')}>
        <ul className="max-w-3xl">
          {item.versions.map((v) => (
            <li key={v.id} className="mb-2 border-b border-solid-gray-420 pb-2">
              <span className="text-std-16B-170">{t('lib.versionN', { n: v.number })}</span>{' '}
              {formatDay(v.createdAt, locale)} {v.createdByName ?? ''}
              {v.file && (
                <span className="block">
                  {v.file.name}（{formatBytes(v.file.byteSize)}）
                </span>
              )}
              {v.url && <span className="block break-all">{v.url}</span>}
              {v.note && <span className="block">{v.note}</span>}
            </li>
          ))}
        </ul>
      </Section>
    </Page>
  );
}

function ItemPageInner() {
  const { itemId } = useParams({ strict: false }) as { itemId: string };
  const item = useLibraryItem(itemId);
  return <QueryState query={item}>{(data) => <ItemView item={data} />}</QueryState>;
}

export const ItemPage = forTrainingRoles(readsLibrary, ItemPageInner);
