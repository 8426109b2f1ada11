import { Link } from '@tanstack/react-router';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { CHILD_CASES_PAGE_SIZE, useChildConsultations } from '../../../lib/queries/consultations';
import { dayInJapan, listDay, urgencyLabel } from '../../consultations/labels';

/**
 * The child's consultations that the reader may see with the child named in them (the server applies the
 * consultation scope and the guardian's consent), newest first, each linking to its case.
 */
export function ChildConsultations({ childId }: { childId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const query = useChildConsultations(childId);
  return (
    <section aria-labelledby="child-consultations" className="mb-10">
      <h2 id="child-consultations" className="mb-3 text-std-22B-150">
        {t('consult.childCases.title')}
      </h2>
      <p className="mb-3 text-std-16N-170">{t('consult.childCases.intro')}</p>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('consult.childCases.empty')}</p>
          ) : (
            <>
              <Table caption={t('consult.childCases.caption', { n: data.total })} captionHidden>
                <thead>
                  <tr>
                    <Th>{t('consult.col.caseNumber')}</Th>
                    <Th>{t('consult.col.subject')}</Th>
                    <Th>{t('consult.header.status')}</Th>
                    <Th>{t('consult.col.urgency')}</Th>
                    <Th>{t('consult.col.team')}</Th>
                    <Th>{t('consult.col.assignee')}</Th>
                    <Th>{t('consult.col.opened')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.id}>
                      <RowTh className="whitespace-nowrap">
                        <Link
                          to="/consultations/$consultationId"
                          params={{ consultationId: c.id }}
                          className="text-key-900 underline underline-offset-4"
                        >
                          {c.caseNumber}
                        </Link>
                      </RowTh>
                      <Td>{c.subject}</Td>
                      <Td className="whitespace-nowrap">
                        {c.closedAt ? t('consult.status.closed') : t('consult.status.open')}
                      </Td>
                      <Td className="whitespace-nowrap">{urgencyLabel(t, c.urgency)}</Td>
                      <Td className="whitespace-nowrap">{c.ownerTeam.name}</Td>
                      <Td className="whitespace-nowrap">{c.assignedUserName ?? t('consult.unassigned')}</Td>
                      <Td className="whitespace-nowrap">{listDay(dayInJapan(c.openedAt), locale)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {data.total > CHILD_CASES_PAGE_SIZE && (
                <p>{t('consult.childCases.more', { n: data.total - CHILD_CASES_PAGE_SIZE })}</p>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
