import { Link } from '@tanstack/react-router';
import { useT } from '../../i18n';
import { useRole } from '../learning/courses/Guard';
import { writesStories } from './access';
import { LINK } from './shared';

/**
 * 「好事例として書く」 on another module's record (an engagement marked a good example, a consultation, a council
 * meeting): opens the story form pre-filled from the record, for the roles that write stories.
 */
export function WriteUpLink({
  kind,
  id,
}: {
  kind: 'consultation' | 'engagement' | 'council_meeting';
  id: string;
}) {
  const t = useT();
  const role = useRole();
  if (!role || !writesStories(role)) return null;
  return (
    <Link to="/good-practices/new" search={{ sourceKind: kind, sourceId: id }} className={LINK}>
      {t('gp.writeUp')}
    </Link>
  );
}
