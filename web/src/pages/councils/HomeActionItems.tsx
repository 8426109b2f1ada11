import { Link } from '@tanstack/react-router';
import { Section } from '../../components/Page';
import { useT } from '../../i18n';
import { useMyActionItems } from '../../lib/queries/councils';
import type { Role } from '../../lib/roles';
import { readsCouncils } from './access';
import { DueText, ItemSource, LINK } from './shared';

/** On the home page: the user's open action items from meetings (the five due first), until they are done. */
export function HomeActionItems({ role }: { role: Role }) {
  const t = useT();
  const allowed = readsCouncils(role);
  const items = useMyActionItems('open', allowed);
  const open = items.data?.items ?? [];
  if (!allowed || open.length === 0) return null;
  return (
    <Section id="home-action-items" title={t('cn.home.title')}>
      <ul className="mb-3 space-y-3">
        {open.slice(0, 5).map((i) => (
          <li key={i.id}>
            <span className="text-std-16B-170">{i.title}</span> ・ <DueText item={i} />
            <ItemSource item={i} />
          </li>
        ))}
      </ul>
      <Link to="/councils/action-items" className={LINK}>
        {t('cn.home.more')}
      </Link>
    </Section>
  );
}
