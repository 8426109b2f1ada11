import { Link } from '@tanstack/react-router';
import { useLocale, useT } from '../i18n';
import { formatNumber } from '../lib/format';
import { useNotifications } from '../lib/queries/notifications';

/** The header's link to the notifications, with the unread count (refreshed when the window regains focus). */
export function NotificationBell() {
  const t = useT();
  const { locale } = useLocale();
  const notifications = useNotifications();
  const unread = notifications.data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className="relative inline-flex min-h-11 min-w-11 items-center gap-2 rounded-8 border-2 border-key-900 px-3 text-oln-16B-100 text-key-900 no-underline hover:bg-key-50 print:hidden"
      aria-label={unread > 0 ? t('notifications.linkUnread', { n: unread }) : t('notifications.title')}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      <span>{t('notifications.title')}</span>
      {unread > 0 && (
        <span
          aria-hidden="true"
          data-testid="unread-count"
          className="inline-flex min-w-6 items-center justify-center rounded-full bg-error-2 px-1.5 text-dns-14B-120 text-white"
        >
          {formatNumber(unread, locale)}
        </span>
      )}
    </Link>
  );
}
