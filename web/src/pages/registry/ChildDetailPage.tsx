import { Link, useParams } from '@tanstack/react-router';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatDate, fullName } from '../../lib/format';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../lib/queries/network';
import { useChild } from '../../lib/queries/registry';
import { NotFoundPage } from '../NotFoundPage';

function isOrganisationKind(kind: string): kind is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(kind);
}

/** One child. Out of scope and absent look the same: the not-found page. */
export function ChildDetailPage() {
  const t = useT();
  const { locale } = useLocale();
  const { childId } = useParams({ from: '/app/children/$childId' });
  const child = useChild(childId);
  if (isApiError(child.error) && child.error.status === 404) return <NotFoundPage />;
  const kindLabel = (kind: string) => (isOrganisationKind(kind) ? t(`orgKind.${kind}`) : kind);
  return (
    <Page title={child.data ? fullName(child.data.familyName, child.data.givenName) : t('children.title')}>
      <p className="mb-6 print:hidden">
        <Link to="/children" search={{}} className="inline-flex min-h-11 items-center">
          {t('child.back')}
        </Link>
      </p>
      <QueryState query={child}>
        {(c) => (
          <>
            <Section id="child-basic" title={t('child.basic')}>
              <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-std-16N-170">
                <dt className="font-bold">{t('children.kana')}</dt>
                <dd>{fullName(c.familyKana, c.givenKana)}</dd>
                <dt className="font-bold">{t('children.birthDate')}</dt>
                <dd>{formatDate(c.birthDate, locale)}</dd>
                <dt className="font-bold">{t('children.sex')}</dt>
                <dd>{t(`sex.${c.sex}`)}</dd>
                <dt className="font-bold">{t('children.municipality')}</dt>
                <dd>{c.municipalityName}</dd>
                <dt className="font-bold">{t('children.status')}</dt>
                <dd>{t(`status.${c.status}`)}</dd>
              </dl>
            </Section>
            <Section id="child-affiliations" title={t('child.affiliations')}>
              {c.affiliations.length === 0 ? (
                <p>{t('child.noAffiliations')}</p>
              ) : (
                <Table caption={t('child.affiliations')} captionHidden>
                  <thead>
                    <tr>
                      <Th>{t('child.organisation')}</Th>
                      <Th>{t('child.kind')}</Th>
                      <Th>{t('child.startedOn')}</Th>
                      <Th>{t('child.endedOn')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.affiliations.map((a) => (
                      <tr key={`${a.organisationId}-${a.startedOn}`}>
                        <Td>{a.organisationName}</Td>
                        <Td>{kindLabel(a.kind)}</Td>
                        <Td>{formatDate(a.startedOn, locale)}</Td>
                        <Td>{a.endedOn ? formatDate(a.endedOn, locale) : t('common.none')}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
