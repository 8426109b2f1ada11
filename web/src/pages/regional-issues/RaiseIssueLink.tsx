import { Link } from '@tanstack/react-router';
import { useT } from '../../i18n';
import { useRole } from '../learning/courses/Guard';
import { raisesIssues } from './access';
import { LINK } from './shared';

/**
 * 「地域課題として提起」 on another module's record (a consultation, a hearing, a meeting, a bottleneck): opens the
 * new-issue form with the record as its source, for the roles that raise issues; nothing for the others.
 */
export function RaiseIssueLink({
  kind,
  id,
}: {
  kind: 'consultation' | 'hearing' | 'meeting' | 'bottleneck';
  id: string;
}) {
  const t = useT();
  const role = useRole();
  if (!role || !raisesIssues(role)) return null;
  return (
    <Link to="/regional-issues/new" search={{ sourceKind: kind, sourceId: id }} className={LINK}>
      {t('ri.raiseFrom')}
    </Link>
  );
}
