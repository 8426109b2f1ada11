import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useCalendarFeed, useIssueFeed, useMyActionItems, useRevokeFeed } from '../../lib/queries/councils';
import { forTrainingRoles } from '../learning/courses/Guard';
import { SaveError } from '../learning/courses/shared';
import { ActionItemsTable } from './ActionItemsTable';
import { readsCouncils } from './access';

/** The personal calendar feed: issue (shown once), reissue (the old address stops) or stop. */
function Feed() {
  const t = useT();
  const { locale } = useLocale();
  const feed = useCalendarFeed();
  const issue = useIssueFeed();
  const revoke = useRevokeFeed();
  const url = issue.data?.url ?? null;
  return (
    <QueryState query={feed}>
      {(f) => (
        <div className="max-w-3xl">
          <p className="mb-4">{t('cn.feed.intro')}</p>
          <p className="mb-4" role="status">
            {f.active && f.createdAt
              ? t('cn.feed.on', { date: formatDateTime(f.createdAt, locale) })
              : t('cn.feed.off')}
          </p>
          {url && f.active && <CopyField label={t('cn.feed.url')} value={url} />}
          <div className="flex flex-wrap gap-3">
            <Button
              variant={f.active ? 'secondary' : 'primary'}
              disabled={issue.isPending}
              onClick={() => issue.mutate()}
            >
              {f.active ? t('cn.feed.reissue') : t('cn.feed.issue')}
            </Button>
            {f.active && (
              <Button
                variant="danger"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(undefined, { onSuccess: () => issue.reset() })}
              >
                {t('cn.feed.revoke')}
              </Button>
            )}
          </div>
          <SaveError<{ version: number }> mutation={issue} onReload={() => undefined} />
          <SaveError<{ version: number }> mutation={revoke} onReload={() => undefined} />
        </div>
      )}
    </QueryState>
  );
}

/** The user's own action items (open first by due date, then those done) and their calendar feed. */
function ActionItemsPageInner() {
  const t = useT();
  const open = useMyActionItems('open');
  const done = useMyActionItems('done');
  return (
    <Page title={t('cn.mine.title')} intro={t('cn.mine.intro')}>
      <Section id="my-items-open" title={t('cn.mine.open')}>
        <QueryState query={open}>
          {(d) =>
            d.items.length ? (
              <ActionItemsTable items={d.items} showSource showOwner={false} />
            ) : (
              <p role="status">{t('cn.mine.none')}</p>
            )
          }
        </QueryState>
      </Section>
      <Section id="my-items-done" title={t('cn.mine.done')}>
        <QueryState query={done}>
          {(d) =>
            d.items.length ? (
              <ActionItemsTable items={d.items.slice(0, 50)} showSource showOwner={false} />
            ) : (
              <p role="status">{t('cn.mine.noneDone')}</p>
            )
          }
        </QueryState>
      </Section>
      <Section id="my-calendar-feed" title={t('cn.feed.title')}>
        <Feed />
      </Section>
    </Page>
  );
}

export const ActionItemsPage = forTrainingRoles(readsCouncils, ActionItemsPageInner);
