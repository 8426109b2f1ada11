import { Link, useParams } from '@tanstack/react-router';
import { buttonClass } from '../../components/Button';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { fullName } from '../../lib/format';
import { useChildRecord } from '../../lib/queries/child-record';
import { readsSharedCases } from '../consultations/access';
import { useRole } from '../consultations/Guard';
import { NotFoundPage } from '../NotFoundPage';
import { CareSection } from './record/CareSection';
import { CareTeamSection } from './record/CareTeamSection';
import { ChildConsultations } from './record/ChildConsultations';
import { ConsentsSection } from './record/ConsentsSection';
import { AffiliationsSection, DevicesSection } from './record/DevicesSection';
import { HistorySection } from './record/HistorySection';
import { OverviewSection } from './record/OverviewSection';

const PARTS = [
  { href: '#child-basic', label: 'child.basic' },
  { href: '#child-care', label: 'record.care' },
  { href: '#child-devices', label: 'record.devices' },
  { href: '#child-affiliations', label: 'child.affiliations' },
  { href: '#child-care-team', label: 'record.careTeam' },
  { href: '#child-consultations', label: 'record.consultations' },
  { href: '#child-consents', label: 'record.consents' },
  { href: '#child-history', label: 'record.history' },
] as const;

/**
 * One child's record, as sections with an in-page table of contents (simple for keyboards and screen
 * readers, and it prints as one document). Out of scope and absent look the same: the not-found page.
 */
export function ChildDetailPage() {
  const t = useT();
  const { childId } = useParams({ from: '/app/children/$childId' });
  const child = useChildRecord(childId);
  const role = useRole();
  const readsCases = role ? readsSharedCases(role) : false;
  if (isApiError(child.error) && child.error.status === 404) return <NotFoundPage />;
  return (
    <Page title={child.data ? fullName(child.data.familyName, child.data.givenName) : t('children.title')}>
      <div className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2 print:hidden">
        <Link to="/children" search={{}} className="inline-flex min-h-11 items-center">
          {t('child.back')}
        </Link>
        {child.data && (
          <Link
            to="/children/$childId/print"
            params={{ childId }}
            className={buttonClass('secondary', 'no-underline')}
          >
            {t('print.open')}
          </Link>
        )}
        {child.data?.access === 'full' && (
          <Link
            to="/children/$childId/disaster"
            params={{ childId }}
            className="inline-flex min-h-11 items-center"
          >
            {t('dis.openFromRecord')}
          </Link>
        )}
      </div>
      <QueryState query={child}>
        {(c) => (
          <>
            {c.access === 'former_residence' && (
              <div
                role="note"
                className="mb-6 rounded-8 border-2 border-orange-700 bg-orange-50 px-4 py-3 text-std-16N-170 text-orange-1100"
              >
                <p className="text-std-16B-170">{t('record.formerTitle')}</p>
                <p>{t('record.formerBody', { name: c.municipalityName })}</p>
              </div>
            )}
            <nav aria-label={t('record.toc')} className="mb-8 print:hidden">
              <ul className="flex flex-wrap gap-2">
                {PARTS.filter(
                  (p) =>
                    (p.href !== '#child-care-team' || c.access === 'full') &&
                    (p.href !== '#child-consultations' || (c.access === 'full' && readsCases)),
                ).map((p) => (
                  <li key={p.href}>
                    <a
                      href={p.href}
                      className="inline-flex min-h-11 items-center rounded-8 border border-solid-gray-300 px-3 hover:bg-key-50"
                    >
                      {t(p.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <OverviewSection child={c} />
            <CareSection child={c} />
            <DevicesSection child={c} />
            <AffiliationsSection child={c} />
            {c.access === 'full' && <CareTeamSection child={c} />}
            {c.access === 'full' && readsCases && <ChildConsultations childId={c.id} />}
            <ConsentsSection child={c} />
            <HistorySection childId={c.id} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
