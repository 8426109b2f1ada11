import { Link } from '@tanstack/react-router';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { systemText } from '../../i18n/vocab';
import { formatDateTime } from '../../lib/format';
import { type Notification, useMarkRead, useNotifications } from '../../lib/queries/notifications';

/** The title, as a link to what the notification is about when that has a page of its own. */
function Subject({ n, title }: { n: Notification; title: string }) {
  if (!n.entityId) return <>{title}</>;
  if (n.entityType === 'child') {
    return (
      <Link to="/children/$childId" params={{ childId: n.entityId }}>
        {title}
      </Link>
    );
  }
  if (n.entityType === 'consultation') {
    return (
      <Link to="/consultations/$consultationId" params={{ consultationId: n.entityId }}>
        {title}
      </Link>
    );
  }
  // A training application's result: the learner's own list of applications.
  if (n.entityType === 'training_application') {
    return <Link to="/learning/me/applications">{title}</Link>;
  }
  // A certificate issued: the learner's record of completions, where its PDF is.
  if (n.entityType === 'training_certificate') {
    return <Link to="/learning/me/completions">{title}</Link>;
  }
  return <>{title}</>;
}

function Item({ n }: { n: Notification }) {
  const t = useT();
  const { locale } = useLocale();
  const markRead = useMarkRead();
  const title = n.text ? systemText(t, n.text) : locale === 'ja' ? n.titleJa : n.titleEn;
  const unread = !n.readAt;
  return (
    <li
      className={`flex flex-wrap items-start justify-between gap-3 border-b border-solid-gray-200 py-4 ${unread ? 'border-l-4 border-l-key-900 pl-3' : 'pl-4'}`}
    >
      <div className="min-w-0 flex-1">
        <p className="text-std-16B-170">
          {unread && (
            <span className="mr-2 rounded-4 bg-key-900 px-1.5 text-dns-14B-120 text-white">
              {t('notifications.unread')}
            </span>
          )}
          <Subject n={n} title={title} />
        </p>
        <p className="text-dns-14N-130 text-solid-gray-700">
          {n.shared && <span className="mr-3">{t('notifications.shared')}</span>}
          <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>
          {n.readAt && (
            <span className="ml-3">
              {t('notifications.readAt', { at: formatDateTime(n.readAt, locale) })}
            </span>
          )}
        </p>
        <ApiErrorAlert error={markRead.error} />
      </div>
      {unread && (
        <Button
          variant="secondary"
          disabled={markRead.isPending}
          aria-label={`${t('notifications.markRead')}: ${title}`}
          onClick={() => markRead.mutate(n.id)}
        >
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}

/**
 * お知らせ: e.g. a child moved into the user's municipality, or a consultation handed to the user's team; links to
 * the record or the case, and marks as read.
 */
export function NotificationsPage() {
  const t = useT();
  const notifications = useNotifications();
  return (
    <Page title={t('notifications.title')}>
      <QueryState query={notifications}>
        {(data) => (
          <>
            <p role="status" className="mb-4 text-std-16N-170">
              {t('notifications.summary', { n: data.unread })}
            </p>
            {data.items.length === 0 ? (
              <p>{t('notifications.empty')}</p>
            ) : (
              <ul className="max-w-4xl">
                {data.items.map((n) => (
                  <Item key={n.id} n={n} />
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
