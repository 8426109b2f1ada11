import { useState } from 'react';
import type { SuperviseExpertise } from '../../../../../src/shared/vocab/learning-roster';
import { ApiErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Fold } from '../../../components/Fold';
import { Section } from '../../../components/Page';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { formatNumber, fullName } from '../../../lib/format';
import { useProposal } from '../../../lib/queries/learning-roster';
import { TagBoxes, tagsText } from './TagBoxes';

/**
 * A supervise team proposed for the expertise needed, from one pool or every pool of the prefecture: the form folds
 * under its purpose until opened (a case's own page proposes teams too: docs/consultations.md §6).
 */
export function PoolProposal({ centreId }: { centreId: string | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const [needed, setNeeded] = useState<SuperviseExpertise[]>([]);
  const [asked, setAsked] = useState<SuperviseExpertise[] | null>(null);
  const proposal = useProposal(centreId, asked);
  return (
    <Section title={t('pool.proposal')} id="pool-proposal">
      <p className="mb-2">{t('pool.proposalIntro')}</p>
      <Fold summary={t('pool.proposalOpen')}>
        <TagBoxes legend={t('pool.needed')} value={needed} onChange={setNeeded} />
        <Button variant="secondary" disabled={needed.length === 0} onClick={() => setAsked(needed)}>
          {t('pool.propose')}
        </Button>
        {proposal.error ? <ApiErrorAlert error={proposal.error} /> : null}
        <div aria-live="polite" className="mt-4">
          {proposal.data && (
            <>
              {proposal.data.members.length === 0 ? (
                <p>{t('pool.proposalEmpty')}</p>
              ) : (
                <Table caption={t('pool.proposalCaption')}>
                  <thead>
                    <tr>
                      <Th>{t('pool.colName')}</Th>
                      <Th>{t('pool.covers')}</Th>
                      <Th>{t('pool.colTags')}</Th>
                      <Th className="text-right">{t('pool.colLoad')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {proposal.data.members.map((m) => (
                      <tr key={m.personId}>
                        <RowTh>
                          {fullName(m.familyName, m.givenName)}
                          {m.organisationName && (
                            <span className="block text-dns-14N-130 text-solid-gray-700">
                              {m.organisationName}
                            </span>
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
              {proposal.data.uncovered.length > 0 && (
                <p className="text-std-16B-170">
                  {t('pool.uncovered', { tags: tagsText(t, proposal.data.uncovered) })}
                </p>
              )}
            </>
          )}
        </div>
      </Fold>
    </Section>
  );
}
