import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { GOOD_PRACTICE_SOURCE_KIND_LABELS } from '../../../../src/shared/vocab/good-practices';
import { buttonClass } from '../../components/Button';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { type Story, useStory } from '../../lib/queries/good-practices';
import { forTrainingRoles } from '../learning/courses/Guard';
import { NotFoundPage } from '../NotFoundPage';
import { readsStories } from './access';
import { PublicOfferPanel } from './PublicOfferPanel';
import { ReviewPanel } from './ReviewPanel';
import { StoryText } from './StoryText';
import { areaLine, LINK, StatusBadge, ThemeChips } from './shared';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-solid-gray-200 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-bold">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function sourceHref(s: NonNullable<Story['source']>): string | null {
  if (!s.visible || !s.id) return null;
  if (s.kind === 'consultation') return `/consultations/${s.id}`;
  if (s.kind === 'engagement') return `/engagements/${s.id}`;
  return `/councils/meetings/${s.id}`;
}

function Header({ s }: { s: Story }) {
  const t = useT();
  const { locale } = useLocale();
  const href = s.source ? sourceHref(s.source) : null;
  return (
    <dl className="mb-6 max-w-3xl">
      <Row label={t('gp.summary')}>{s.summary}</Row>
      <Row label={t('gp.tags')}>
        <ThemeChips s={s} />
      </Row>
      <Row label={t('gp.area')}>{areaLine(s)}</Row>
      <Row label={t('gp.solver')}>{s.solver}</Row>
      <Row label={t('gp.solvedOn')}>{s.solvedOn ? formatDate(s.solvedOn, locale) : t('common.none')}</Row>
      <Row label={t('gp.source')}>
        {!s.source && t('gp.source.none')}
        {s.source && href && (
          <a href={href} className={LINK}>
            {vocab(t, GOOD_PRACTICE_SOURCE_KIND_LABELS, s.source.kind)}：{s.source.label}
          </a>
        )}
        {s.source &&
          !href &&
          t('gp.source.hidden', { kind: vocab(t, GOOD_PRACTICE_SOURCE_KIND_LABELS, s.source.kind) })}
      </Row>
    </dl>
  );
}

function Contact({ s }: { s: Story }) {
  const t = useT();
  const { locale } = useLocale();
  const c = s.contact;
  return (
    <Section id="story-contact" title={t('gp.contact')}>
      {c ? (
        <div className="max-w-3xl">
          <p className="mb-2">{t('gp.contact.intro')}</p>
          <p className="text-std-17B-170">{c.name}</p>
          <p>{[c.organisation, c.profession].filter(Boolean).join('・')}</p>
          {c.note && <p>{c.note}</p>}
          <p className="text-dns-14N-130 text-solid-gray-700">
            {t('gp.contact.consent', { date: formatDate(c.consentOn, locale) })}
          </p>
        </div>
      ) : (
        <p>{t('gp.noContact')}</p>
      )}
    </Section>
  );
}

function History({ s }: { s: Story }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Section id="story-history" title={t('gp.history')}>
      <dl className="max-w-3xl">
        <Row label={t('gp.author')}>
          {s.author}（{formatDateTime(s.createdAt, locale)}）
          {s.updatedBy !== s.author && ` / ${s.updatedBy}（${formatDateTime(s.updatedAt, locale)}）`}
        </Row>
        <Row label={t('gp.checkedBy')}>
          {s.checkedBy && s.checkedAt
            ? `${s.checkedBy}（${formatDateTime(s.checkedAt, locale)}）`
            : t('gp.notYet')}
        </Row>
        <Row label={t('gp.publishedBy')}>
          {s.publishedBy && s.publishedAt
            ? `${s.publishedBy}（${formatDateTime(s.publishedAt, locale)}）`
            : t('gp.notYet')}
        </Row>
      </dl>
    </Section>
  );
}

/** One story: summary and themes first, then the story, who to contact, the review and its history. */
function StoryPageInner() {
  const t = useT();
  const { storyId } = useParams({ strict: false }) as { storyId: string };
  const query = useStory(storyId);
  const [message, setMessage] = useState<string | null>(null);
  // A draft of another area reads as an unknown story (as the API's 404 says).
  if (isApiError(query.error, 'not_found')) return <NotFoundPage />;
  return (
    <QueryState query={query}>
      {(s) => (
        <Page title={s.title}>
          <p className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-2">
            <StatusBadge status={s.status} />
            <Link to="/good-practices" search={{}} className={LINK}>
              {t('gp.back')}
            </Link>
            {s.actions.edit && (
              <Link
                to="/good-practices/$storyId/edit"
                params={{ storyId: s.id }}
                className={buttonClass('secondary', 'no-underline')}
              >
                {t('gp.edit')}
              </Link>
            )}
          </p>
          <Header s={s} />
          <Section id="story-body" title={t('gp.body')}>
            <StoryText html={s.bodyHtml} />
          </Section>
          <Contact s={s} />
          {(s.actions.edit || s.status !== 'published') && (
            <ReviewPanel s={s} message={message} onMessage={setMessage} />
          )}
          {(s.actions.edit || s.publicConsent) && <PublicOfferPanel s={s} />}
          <History s={s} />
        </Page>
      )}
    </QueryState>
  );
}

export const StoryPage = forTrainingRoles(readsStories, StoryPageInner);
