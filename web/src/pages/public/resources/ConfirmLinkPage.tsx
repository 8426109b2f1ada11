import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiErrorAlert, ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { useLocale, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { type ConfirmView, useConfirmByLink, useConfirmView } from '../../../lib/queries/resources-public';
import { bothCalendars } from './display';
import { type ProviderDraft, providerDraftOf, providerEditOf } from './draft';
import { ProviderFields } from './ProviderFields';
import { ServiceView } from './ServiceView';

/**
 * The provider's self-update page, reached through the one-time link staff issued
 * (/public/resources/confirm#token=…): no sign-in. The provider confirms the listing as it is or corrects it;
 * the link then stops working. An expired or used link says so in both languages.
 */

/** Shown in Japanese and English at once: whoever follows a dead link should understand it. */
function DeadLink() {
  return (
    <Page title="このリンクは使えません / This link cannot be used">
      <ErrorAlert>
        <p lang="ja">
          このリンクは有効期限が切れているか、すでに使われています。掲載内容の確認が必要な場合は、医療的ケア児支援センターに新しいリンクを依頼してください。
        </p>
        <p lang="en" className="mt-2">
          This link has expired or has already been used. If the listing still needs checking, ask the support
          centre for children with medical care needs for a new link.
        </p>
      </ErrorAlert>
      <p>
        <Link to="/public/resources">社会資源を探す / Search resources</Link>
      </p>
    </Page>
  );
}

function Thanks({ changed, at }: { changed: boolean; at: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Page title={t('resources.confirm.thanksTitle')}>
      <div
        role="status"
        className="mb-6 rounded-8 border-2 border-success-2 bg-green-50 px-4 py-3 text-std-16N-170"
      >
        <p>{changed ? t('resources.confirm.thanksChanged') : t('resources.confirm.thanksSame')}</p>
        <p className="mt-1">{t('resources.confirm.confirmedAt', { date: bothCalendars(at, locale) })}</p>
      </div>
      <p className="mb-4 text-std-16N-170">{t('resources.confirm.linkUsed')}</p>
    </Page>
  );
}

function ConfirmForm({ token, view }: { token: string; view: ConfirmView }) {
  const t = useT();
  const { locale } = useLocale();
  const confirm = useConfirmByLink(token);
  const [mode, setMode] = useState<'review' | 'edit'>('review');
  const [draft, setDraft] = useState<ProviderDraft>(() => providerDraftOf(view.service));
  const [who, setWho] = useState('');
  const s = view.service;

  if (confirm.data) return <Thanks changed={confirm.data.changed} at={confirm.data.confirmedAt} />;
  if (isApiError(confirm.error, 'token_invalid')) return <DeadLink />;

  const send = (e: FormEvent, withChanges: boolean) => {
    e.preventDefault();
    confirm.mutate({
      changes: withChanges ? providerEditOf(draft) : undefined,
      confirmedBy: who.trim() || null,
    });
  };
  const errorOf = (path: string) => {
    if (!isApiError(confirm.error)) return null;
    const issue = confirm.error.issues.find((i) => i.path === path || i.path === `changes.${path}`);
    return issue ? ((locale === 'ja' ? issue.ja : issue.en) ?? issue.message) : null;
  };

  return (
    <Page title={t('resources.confirm.title', { name: s.name })} intro={t('resources.confirm.intro')}>
      <p className="mb-6 text-std-16N-170">
        {t('resources.confirm.expires', { at: formatDateTime(view.expiresAt, locale) })}
      </p>
      <ApiErrorAlert error={confirm.error} />
      {mode === 'review' ? (
        <form onSubmit={(e) => send(e, false)} aria-labelledby="confirm-actions">
          <ServiceView service={s} />
          <section aria-labelledby="confirm-actions" className="mb-10 rounded-12 border-2 border-key-900 p-4">
            <h2 id="confirm-actions" className="mb-3 text-std-22B-150">
              {t('resources.confirm.question')}
            </h2>
            <TextField
              id="confirm-who"
              label={t('resources.confirm.who')}
              hint={t('resources.confirm.whoHint')}
              value={who}
              onChange={setWho}
              maxLength={100}
              autoComplete="name"
            />
            <div className="flex flex-wrap gap-3">
              <Button type="submit" disabled={confirm.isPending}>
                {t('resources.confirm.stillCorrect')}
              </Button>
              <Button variant="secondary" onClick={() => setMode('edit')}>
                {t('resources.confirm.correct')}
              </Button>
            </div>
          </section>
        </form>
      ) : (
        <form onSubmit={(e) => send(e, true)} noValidate>
          <ProviderFields
            draft={draft}
            onChange={(k, v) => setDraft((d) => ({ ...d, [k]: v }))}
            errorOf={errorOf}
          />
          <TextField
            id="confirm-who-edit"
            label={t('resources.confirm.who')}
            hint={t('resources.confirm.whoHint')}
            value={who}
            onChange={setWho}
            maxLength={100}
            autoComplete="name"
          />
          <div className="mb-10 flex flex-wrap gap-3">
            <Button type="submit" disabled={confirm.isPending}>
              {t('resources.confirm.saveAndConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setMode('review')}>
              {t('resources.confirm.backToReview')}
            </Button>
          </div>
        </form>
      )}
    </Page>
  );
}

/** The one-time token from `#token=…`. */
function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
}

export function ConfirmLinkPage() {
  const [token] = useState(tokenFromHash);
  useEffect(() => {
    // Keep the token out of the address bar and the browser history once it has been read.
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  if (!token) return <DeadLink />;
  return <LinkedListing token={token} />;
}

function LinkedListing({ token }: { token: string }) {
  const t = useT();
  const view = useConfirmView(token);
  if (view.data) return <ConfirmForm token={token} view={view.data} />;
  if (view.error) {
    if (isApiError(view.error) && (view.error.status === 400 || view.error.status === 404))
      return <DeadLink />;
    return <ApiErrorAlert error={view.error} />;
  }
  return (
    <p role="status" className="my-6">
      {t('app.loading')}
    </p>
  );
}
