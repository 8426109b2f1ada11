import type { z } from 'zod';
import type { ZProposal } from '../../../../../src/modules/learning/roster/schemas';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { formatNumber, fullName } from '../../../lib/format';
import { tagsText } from './TagBoxes';

/**
 * The members a supervise pool proposes for the expertise needed (each with what they cover, their tags and open
 * requests), or that none does, and the expertise no one covers: one table for the pool page and a case's supervise request.
 */
export function ProposedMembers({
  proposal,
  caption,
  empty,
}: {
  proposal: z.infer<typeof ZProposal>;
  caption: string;
  /** Said when no member covers any of the expertise. */
  empty: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      {proposal.members.length === 0 && <p>{empty}</p>}
      {proposal.members.length > 0 && (
        <Table caption={caption}>
          <thead>
            <tr>
              <Th>{t('pool.colName')}</Th>
              <Th>{t('pool.covers')}</Th>
              <Th>{t('pool.colTags')}</Th>
              <Th className="text-right">{t('pool.colLoad')}</Th>
            </tr>
          </thead>
          <tbody>
            {proposal.members.map((m) => (
              <tr key={m.personId}>
                <RowTh>
                  {fullName(m.familyName, m.givenName)}
                  {m.organisationName && (
                    <span className="block text-dns-14N-130 text-solid-gray-700">{m.organisationName}</span>
                  )}
                </RowTh>
                <Td className="text-std-16B-170">{tagsText(t, m.covers)}</Td>
                <Td>{tagsText(t, m.tags)}</Td>
                <Td className="text-right tabular-nums">
                  {t('pool.load', { n: formatNumber(m.load, locale) })}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {proposal.uncovered.length > 0 && (
        <p className="mb-3 text-std-16B-170">
          {t('pool.uncovered', { tags: tagsText(t, proposal.uncovered) })}
        </p>
      )}
    </>
  );
}
