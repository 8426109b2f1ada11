import { Link } from '@tanstack/react-router';
import { useT } from '../i18n';
import type { ScopeKind } from '../lib/queries/auth';
import type { Role } from '../lib/roles';
import { isGroup, type NavLinkItem, navFor } from '../nav';

const LINK =
  'flex min-h-11 items-center rounded-8 px-3 py-2 text-std-16N-170 text-solid-gray-900 no-underline ' +
  'hover:bg-key-50 hover:underline aria-[current=page]:bg-key-900 aria-[current=page]:text-white ' +
  'aria-[current=page]:font-bold';

/**
 * A menu entry is current on its own page and the pages below it, unless another entry of the menu lies below
 * it (the directory at /resources, its gaps at /resources/gaps): then only on its own page.
 */
function Item({ item, paths }: { item: NavLinkItem; paths: readonly string[] }) {
  const t = useT();
  const exact = item.to === '/' || paths.some((p) => p.startsWith(`${item.to}/`));
  return (
    <li>
      <Link to={item.to} className={LINK} activeOptions={{ exact }}>
        {t(item.label)}
      </Link>
    </li>
  );
}

/** The main menu: only the modules this role (with this scope) may use. */
export function Nav({ role, scopeKind }: { role: Role; scopeKind: ScopeKind }) {
  const t = useT();
  const entries = navFor(role, scopeKind);
  const paths = entries.flatMap((e) => (isGroup(e) ? e.items.map((i) => i.to) : [e.to]));
  return (
    <nav aria-label={t('app.mainNav')} className="print:hidden">
      <ul className="flex flex-wrap gap-1 xl:flex-col">
        {entries.map((entry) =>
          isGroup(entry) ? (
            <li key={entry.label} className="w-full xl:mt-3">
              <p id={`nav-${entry.label}`} className="px-3 pt-1 text-dns-14B-130 text-solid-gray-700">
                {t(entry.label)}
              </p>
              <ul aria-labelledby={`nav-${entry.label}`} className="flex flex-wrap gap-1 xl:flex-col xl:pl-2">
                {entry.items.map((item) => (
                  <Item key={item.to} item={item} paths={paths} />
                ))}
              </ul>
            </li>
          ) : (
            <Item key={entry.to} item={entry} paths={paths} />
          ),
        )}
      </ul>
    </nav>
  );
}
