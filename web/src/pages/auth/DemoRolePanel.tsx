import { ApiErrorAlert } from '../../components/Alert';
import { buttonClass } from '../../components/Button';
import { useLocale, useT } from '../../i18n';
import { useDemoAccounts, useDemoSignIn, useSession } from '../../lib/queries/auth';
import { roleLabel } from '../../lib/roles';

/** Where the header's "Switch role" link leads: the panel below, on the sign-in page. */
export const DEMO_PANEL_ID = 'demo-roles';

/**
 * The demo's role switch: one button per account the demo seeding created, each signing in in one step.
 * Shown only where the server offers it (the seeded demo database on the embedded engine); renders nothing
 * elsewhere, and says on its face that it exists only in the demo.
 */
export function DemoRolePanel() {
  const t = useT();
  const { locale } = useLocale();
  const { data: accounts } = useDemoAccounts();
  const { data: session } = useSession();
  const signIn = useDemoSignIn();
  if (!accounts || accounts.length === 0) return null;
  const currentId = session?.authenticated ? session.user?.id : undefined;
  return (
    <section
      id={DEMO_PANEL_ID}
      aria-labelledby={`${DEMO_PANEL_ID}-title`}
      tabIndex={-1}
      className="mt-10 max-w-3xl rounded-8 border-2 border-dashed border-warning-yellow-2 bg-yellow-50 p-4 md:p-6"
    >
      <h2 id={`${DEMO_PANEL_ID}-title`} className="text-std-20B-150 text-solid-gray-900">
        {t('demo.switchTitle')}
      </h2>
      <p className="mt-2 mb-4 text-std-16N-170 text-solid-gray-900">{t('demo.switchNote')}</p>
      <ApiErrorAlert error={signIn.error} />
      <ul className="grid gap-3 sm:grid-cols-2">
        {accounts.map((a) => {
          const current = a.userId === currentId;
          return (
            <li key={a.userId}>
              <button
                type="button"
                className={buttonClass(
                  current ? 'primary' : 'secondary',
                  'h-full w-full flex-col items-start text-left',
                )}
                aria-current={current ? 'true' : undefined}
                disabled={signIn.isPending}
                onClick={() => signIn.mutate(a.userId)}
              >
                <span>{roleLabel(a.role, locale)}</span>
                <span className="text-std-16N-170">{a.displayName}</span>
                <span className="text-dns-14N-130">
                  {a.scope[locale]}
                  {current ? t('demo.current') : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {signIn.isPending && (
        <p className="mt-3 text-std-16N-170" role="status">
          {t('demo.signingIn')}
        </p>
      )}
    </section>
  );
}
