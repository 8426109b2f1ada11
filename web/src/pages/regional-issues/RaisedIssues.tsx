import { Link } from '@tanstack/react-router';
import { Section } from '../../components/Page';
import { useT } from '../../i18n';
import { useIssues } from '../../lib/queries/regional-issues';
import { useRole } from '../learning/courses/Guard';
import { readsIssues } from './access';
import { LevelBadge, LINK } from './shared';

/**
 * The regional issues raised from another module's record (an engagement's page: a hearing, a four-division
 * meeting or a support-log entry; a council meeting's page), each with its number, title and level — the way back from the minutes to
 * the issue they recorded. Only the issues the reader may see (the list's own scope); nothing for roles that
 * do not read issues, or when none was raised.
 */
export function RaisedIssues({ kind, id }: { kind: 'hearing' | 'meeting'; id: string }) {
  const role = useRole();
  const reads = !!role && readsIssues(role);
  return reads ? <RaisedIssuesList kind={kind} id={id} /> : null;
}

function RaisedIssuesList({ kind, id }: { kind: 'hearing' | 'meeting'; id: string }) {
  const t = useT();
  const issues = useIssues({ sourceKind: kind, sourceId: id });
  const items = issues.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Section title={t('ri.raisedHere')} id="raised-issues">
      <ul className="space-y-2">
        {items.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-2">
            <Link to="/regional-issues/$issueId" params={{ issueId: i.id }} className={LINK}>
              {`${i.number} ${i.title}`}
            </Link>
            <LevelBadge level={i.level} status={i.status} outcome={i.outcome} />
          </li>
        ))}
      </ul>
    </Section>
  );
}
