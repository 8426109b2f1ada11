import { useState } from 'react';
import type { SuperviseExpertise } from '../../../../../src/shared/vocab/learning-roster';
import { ApiErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Fold } from '../../../components/Fold';
import { Section } from '../../../components/Page';
import { useT } from '../../../i18n';
import { useProposal } from '../../../lib/queries/learning-roster';
import { ProposedMembers } from './ProposedMembers';
import { TagBoxes } from './TagBoxes';

/**
 * A supervise team proposed for the expertise needed, from one pool or every pool of the prefecture: the form folds
 * under its purpose until opened (a case's own page proposes teams too: docs/consultations.md §6).
 */
export function PoolProposal({ centreId }: { centreId: string | undefined }) {
  const t = useT();
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
            <ProposedMembers
              proposal={proposal.data}
              caption={t('pool.proposalCaption')}
              empty={t('pool.proposalEmpty')}
            />
          )}
        </div>
      </Fold>
    </Section>
  );
}
