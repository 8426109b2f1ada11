import { Link } from '@tanstack/react-router';
import {
  CONTENT_LANG_LABELS,
  PUBLIC_PAGE_KIND_LABELS,
  PUBLIC_PAGE_STATUS_LABELS,
} from '../../../../src/shared/vocab/public-site';
import { ROLE_LABELS } from '../../../../src/shared/vocab/roles';
import { buttonClass } from '../../components/Button';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime } from '../../lib/format';
import { usePages } from './api';
import { KeeperOnly } from './KeeperOnly';

const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';

/**
 * 公開サイトの編集 (/public-site): every page of the centre's public site with its kind, status, the languages
 * it is written in, a notice's period and whether it is on show, and who last edited it when; actions to write
 * the fixed pages not written yet, add a page or post an emergency notice, and the first windows.
 */
export function PagesPage() {
  return (
    <KeeperOnly>
      <PagesPageBody />
    </KeeperOnly>
  );
}

function PagesPageBody() {
  const t = useT();
  const pages = usePages();
  return (
    <Page title={t('publicSiteStaff.title')} intro={t('publicSiteStaff.intro')}>
      <p className="mb-6 flex flex-wrap gap-3">
        <Link to="/public-site/pages/new" search={{ kind: 'emergency' }} className={buttonClass('danger')}>
          {t('publicSiteStaff.newNotice')}
        </Link>
        <Link to="/public-site/pages/new" search={{ kind: 'free' }} className={buttonClass('secondary')}>
          {t('publicSiteStaff.newFree')}
        </Link>
        <Link to="/public-site/first-windows" className={buttonClass('secondary')}>
          {t('publicSiteStaff.firstWindows')}
        </Link>
        <a href="/public" className={LINK}>
          {t('publicSiteStaff.view')}
        </a>
      </p>
      <QueryState query={pages}>
        {(data) => (
          <>
            {data.missingKinds.length > 0 && (
              <section
                aria-labelledby="missing-kinds"
                className="mb-6 rounded-8 border border-key-900 bg-key-50 p-4"
              >
                <h2 id="missing-kinds" className="mb-2 text-std-17B-170">
                  {t('publicSiteStaff.missing')}
                </h2>
                <ul className="flex flex-wrap gap-x-6">
                  {data.missingKinds.map((k) => (
                    <li key={k}>
                      <Link to="/public-site/pages/new" search={{ kind: k }} className={LINK}>
                        {t('publicSiteStaff.write', { kind: vocab(t, PUBLIC_PAGE_KIND_LABELS, k) })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {data.items.length === 0 ? (
              <p>{t('publicSiteStaff.none')}</p>
            ) : (
              <Table caption={t('publicSiteStaff.pages')}>
                <thead>
                  <tr>
                    <Th scope="col">{t('publicSiteStaff.col.page')}</Th>
                    <Th scope="col">{t('publicSiteStaff.col.kind')}</Th>
                    <Th scope="col">{t('publicSiteStaff.col.status')}</Th>
                    <Th scope="col">{t('publicSiteStaff.col.langs')}</Th>
                    <Th scope="col">{t('publicSiteStaff.col.window')}</Th>
                    <Th scope="col">{t('publicSiteStaff.col.lastEdit')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((p) => (
                    <tr key={p.id} className="border-t border-solid-gray-300">
                      <Td>
                        <Link to="/public-site/pages/$pageId" params={{ pageId: p.id }} className={LINK}>
                          {p.titleJa}
                        </Link>
                        <br />
                        <span className="text-dns-14N-130 text-solid-gray-700">/public/pages/{p.slug}</span>
                      </Td>
                      <Td>{vocab(t, PUBLIC_PAGE_KIND_LABELS, p.kind)}</Td>
                      <Td>
                        {vocab(t, PUBLIC_PAGE_STATUS_LABELS, p.status)}
                        {p.onShow && (
                          <span className="ml-2 rounded-4 bg-error-1 px-2 text-white">
                            {t('publicSiteStaff.onShow')}
                          </span>
                        )}
                      </Td>
                      <Td>{p.langs.map((l) => vocab(t, CONTENT_LANG_LABELS, l)).join('・')}</Td>
                      <Td>
                        {p.startsAt && p.endsAt
                          ? `${formatDateTime(p.startsAt, t.locale)} – ${formatDateTime(p.endsAt, t.locale)}`
                          : t('common.none')}
                      </Td>
                      <Td>
                        {p.updatedBy.name}（{vocab(t, ROLE_LABELS, p.updatedBy.role)}）
                        <br />
                        {formatDateTime(p.updatedAt, t.locale)}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
