import { Link } from '@tanstack/react-router';
import { useT } from '../../i18n';

const TABS = [
  ['/engagements', 'eng.tabList'],
  ['/engagements/four-division', 'eng.tabFourDivision'],
  ['/engagements/analysis', 'eng.tabAnalysis'],
  ['/engagements/good-examples', 'eng.tabGood'],
] as const;

/** The engagement screens, one link each; the current one is marked for assistive technology. */
export function EngagementTabs() {
  const t = useT();
  return (
    <nav aria-label={t('eng.tabs')} className="mb-6 print:hidden">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {TABS.map(([to, label]) => (
          <li key={to}>
            <Link
              to={to}
              search={{}}
              activeOptions={{ exact: true, includeSearch: false }}
              className="text-key-900 underline underline-offset-4 data-[status=active]:font-bold data-[status=active]:no-underline"
              activeProps={{ 'aria-current': 'page' }}
            >
              {t(label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
