import { Fold } from '../../../components/Fold';
import { QueryState } from '../../../components/QueryState';
import { Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import {
  CHILD_CASES_PAGE_SIZE,
  type ConsultationList,
  useChildConsultations,
} from '../../../lib/queries/consultations';
import { CaseNumberCell } from '../../consultations/CaseLink';
import { dayInJapan, listDay, urgencyLabel } from '../../consultations/labels';

type ChildCase = ConsultationList['items'][number];

function CasesTable({ items, caption }: { items: ChildCase[]; caption: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Table caption={caption} captionHidden>
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
        {items.map((c) => (
          <tr key={c.id}>
            <CaseNumberCell id={c.id} caseNumber={c.caseNumber} />
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
  );
}

/**
 * The child's consultations that the reader may see with the child named in them (the server applies the
 * consultation scope and the guardian's consent), newest first, each linking to its case. The open ones lead;
 * the closed ones open from a line with their count when there are open ones above them.
 */
export function ChildConsultations({ childId }: { childId: string }) {
  const t = useT();
  const query = useChildConsultations(childId);
  return (
    <section aria-labelledby="child-consultations" className="mb-10">
      <h2 id="child-consultations" className="mb-3 text-std-22B-150">
        {t('consult.childCases.title')}
      </h2>
      <p className="mb-3 text-std-16N-170">{t('consult.childCases.intro')}</p>
      <QueryState query={query}>
        {(data) => {
          const open = data.items.filter((c) => !c.closedAt);
          const closed = data.items.filter((c) => c.closedAt);
          return data.items.length === 0 ? (
            <p>{t('consult.childCases.empty')}</p>
          ) : (
            <>
              {open.length > 0 && (
                <CasesTable items={open} caption={t('consult.childCases.caption', { n: data.total })} />
              )}
              {closed.length > 0 && open.length === 0 && (
                <CasesTable items={closed} caption={t('consult.childCases.caption', { n: data.total })} />
              )}
              {closed.length > 0 && open.length > 0 && (
                <Fold
                  summary={t('consult.childCases.openClosed', { n: closed.length })}
                  testId="fold-closed-cases"
                >
                  <CasesTable
                    items={closed}
                    caption={t('consult.childCases.closedCaption', { n: closed.length })}
                  />
                </Fold>
              )}
              {data.total > CHILD_CASES_PAGE_SIZE && (
                <p>{t('consult.childCases.more', { n: data.total - CHILD_CASES_PAGE_SIZE })}</p>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
