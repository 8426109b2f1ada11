import { reviewsRegistrations } from '../../src/modules/registrations/policy';
import type { MessageKey } from './i18n';
import { administers, type Role, readsAudit, seesPersonalData } from './lib/roles';

/**
 * The modules of the menu and who may open them. Routes use the same rules, so a page a role may not
 * use is neither listed nor reachable (it shows the not-found page; the API refuses it anyway).
 */
export type NavLinkItem = { to: NavPath; label: MessageKey };
export type NavGroup = { label: MessageKey; items: NavLinkItem[] };
export type NavEntry = NavLinkItem | NavGroup;

export type NavPath =
  | '/'
  | '/children'
  | '/transitions'
  | '/registry/review'
  | '/admin/regions'
  | '/admin/municipalities'
  | '/admin/centres'
  | '/admin/organisations'
  | '/admin/people'
  | '/admin/users'
  | '/audit'
  | '/account';

export const ACCESS = {
  registry: seesPersonalData,
  admin: administers,
  audit: readsAudit,
  review: reviewsRegistrations,
  everyone: (_role: Role) => true,
} as const satisfies Record<string, (role: Role) => boolean>;

export function navFor(role: Role): NavEntry[] {
  const entries: NavEntry[] = [{ to: '/', label: 'nav.home' }];
  if (ACCESS.registry(role)) entries.push({ to: '/children', label: 'nav.registry' });
  if (ACCESS.registry(role)) entries.push({ to: '/transitions', label: 'nav.transitions' });
  if (ACCESS.review(role)) entries.push({ to: '/registry/review', label: 'nav.review' });
  if (ACCESS.admin(role)) {
    entries.push({
      label: 'nav.admin',
      items: [
        { to: '/admin/regions', label: 'nav.regions' },
        { to: '/admin/municipalities', label: 'nav.municipalities' },
        { to: '/admin/centres', label: 'nav.centres' },
        { to: '/admin/organisations', label: 'nav.organisations' },
        { to: '/admin/people', label: 'nav.people' },
        { to: '/admin/users', label: 'nav.users' },
      ],
    });
  }
  if (ACCESS.audit(role)) entries.push({ to: '/audit', label: 'nav.audit' });
  entries.push({ to: '/account', label: 'nav.account' });
  return entries;
}

export function isGroup(entry: NavEntry): entry is NavGroup {
  return 'items' in entry;
}
