import { Link } from '@tanstack/react-router';
import type { TransitionKind } from '../../../../../src/modules/transitions/rules';
import { Td, Th } from '../../../components/Table';
import { useT } from '../../../i18n';
import { useTransitionRequests } from '../../../lib/queries/learning-requests';
import { useRole } from '../courses/Guard';
import { handlesRequests, writesRequests } from './access';
import { RequestStatusBadge } from './shared';

/** Transitions that are a first entry to a school or nursery (KU-3): the receiving staff may need a training. */
const FIRST_ENTRIES: readonly TransitionKind[] = [
  'nursery_entry',
  'elementary_entry',
  'special_school_junior_entry',
  'special_school_high_entry',
];

function useShown(kind: TransitionKind): boolean {
  const role = useRole();
  return !!role && handlesRequests(role) && FIRST_ENTRIES.includes(kind);
}

/** The column's header on the transitions screen, for the staff who handle training requests only. */
export function FirstEntryHeader({ kind }: { kind: TransitionKind }) {
  const t = useT();
  return useShown(kind) ? <Th>{t('req.tr.column')}</Th> : null;
}

/**
 * A child's first-entry training on the transitions screen: the request's state (a link to it), or the way
 * to prepare one at the receiving school. The request never names the child to the requester.
 */
export function FirstEntryCell({
  childId,
  kind,
  nendo,
}: {
  childId: string;
  kind: TransitionKind;
  nendo: number;
}) {
  const t = useT();
  const role = useRole();
  const shown = useShown(kind);
  const requests = useTransitionRequests(nendo, shown);
  if (!shown) return null;
  const found = requests.data?.items.find((i) => i.childId === childId);
  return (
    <Td className="whitespace-nowrap">
      {found ? (
        <Link to="/learning/requests/$requestId" params={{ requestId: found.requestId }}>
          <RequestStatusBadge status={found.status} />
        </Link>
      ) : role && writesRequests(role) && requests.data ? (
        <Link
          to="/learning/requests/new"
          search={{ childId, nendo, transitionKind: kind }}
          className="inline-flex min-h-11 items-center text-key-900 underline underline-offset-4"
        >
          {t('req.tr.start')}
        </Link>
      ) : (
        t('common.none')
      )}
    </Td>
  );
}
