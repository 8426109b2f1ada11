import { Link } from '@tanstack/react-router';
import { CHILD_STATUS_LABELS, LIFE_STAGE_LABELS } from '../../../src/shared/vocab/registry';
import { BarTable } from '../components/BarTable';
import { Page, Section } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { RowTh, Table, Td, Th } from '../components/Table';
import { type Translate, useLocale, useT } from '../i18n';
import { vocab } from '../i18n/vocab';
import { formatDateTime, formatNendo, formatNumber } from '../lib/format';
import { useSession } from '../lib/queries/auth';
import { type HomeFigures, useHomeFigures } from '../lib/queries/registry';
import { HomeActionItems } from './councils/HomeActionItems';

function scopeText(scope: HomeFigures['scope'], t: Translate): string {
  switch (scope.kind) {
    case 'prefecture':
      return scope.prefectureName ?? '';
    case 'regions':
      return t('home.scopeRegions', { names: scope.regionNames.join('・') });
    case 'municipality':
      return scope.municipalityName ?? '';
    case 'organisation':
      return scope.organisationName ?? '';
    default:
      return t('home.scopeNone');
  }
}

function Figure({
  label,
  value,
  testId,
  big = false,
}: {
  label: string;
  value: string;
  testId: string;
  big?: boolean;
}) {
  return (
    <div
      className={`rounded-12 border border-solid-gray-300 bg-white p-4 shadow-1 ${big ? 'sm:col-span-2' : ''}`}
    >
      <dt className="text-std-16B-170 text-solid-gray-700">{label}</dt>
      <dd
        className={`${big ? 'text-std-45B-140' : 'text-std-32B-150'} text-key-1000 tabular-nums`}
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}

function ChildFigures({ figures: children }: { figures: NonNullable<HomeFigures['children']> }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <>
      <dl className="mb-4 grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <Figure
          big
          label={t('home.childrenTotal')}
          value={t('common.persons', { n: n(children.total) })}
          testId="children-total"
        />
        <Figure
          label={t('home.newThisNendo')}
          value={t('common.persons', { n: n(children.newThisNendo) })}
          testId="new-this-nendo"
        />
        <Figure
          label={t('home.turning18')}
          value={t('common.persons', { n: n(children.turning18ThisNendo) })}
          testId="turning-18"
        />
        <Figure
          label={t('home.enteringSchool')}
          value={t('common.persons', { n: n(children.enteringSchoolNextNendo) })}
          testId="entering-school"
        />
      </dl>
      <p className="mb-8 print:hidden">
        <Link to="/children" search={{}} className="inline-flex min-h-11 items-center text-std-16B-170">
          {t('home.toRegistry')}
        </Link>
      </p>
      <div className="grid grid-cols-1 items-start gap-x-8 xl:grid-cols-2">
        <BarTable
          caption={t('home.byStatus')}
          labelHeader={t('home.colStatus')}
          countHeader={t('home.colCount')}
          rows={children.byStatus.map((r) => ({
            key: r.status,
            label: vocab(t, CHILD_STATUS_LABELS, r.status),
            count: r.count,
          }))}
        />
        <BarTable
          caption={t('home.byLifeStage')}
          labelHeader={t('home.colStage')}
          countHeader={t('home.colCount')}
          rows={children.byLifeStage.map((r) => ({
            key: r.stage,
            label: vocab(t, LIFE_STAGE_LABELS, r.stage),
            count: r.count,
          }))}
        />
      </div>
      {children.byMunicipality.length > 0 && (
        <BarTable
          caption={t('home.byMunicipality')}
          labelHeader={t('home.colMunicipality')}
          countHeader={t('home.colCount')}
          rows={children.byMunicipality.map((r) => ({ key: r.code, label: r.name, count: r.count }))}
        />
      )}
    </>
  );
}

function NetworkFigures({ network }: { network: HomeFigures['network'] }) {
  const t = useT();
  const { locale } = useLocale();
  const perPrefecture = network.byPrefecture.length > 0;
  const items = [
    ...(perPrefecture ? ([['network.prefectures', network.prefectures]] as const) : []),
    ['network.regions', network.regions],
    ['network.municipalities', network.municipalities],
    ['network.centres', network.centres],
    ['network.organisations', network.organisations],
    ['network.users', network.users],
  ] as const;
  return (
    <>
      <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
        {items.map(([key, value]) => (
          <div key={key} className="rounded-12 border border-solid-gray-300 p-4">
            <dt className="text-std-16B-170 text-solid-gray-700">{t(key)}</dt>
            <dd className="text-std-28B-150 tabular-nums">{formatNumber(value, locale)}</dd>
          </div>
        ))}
      </dl>
      {perPrefecture && (
        <Table caption={t('home.byPrefecture')}>
          <thead>
            <tr>
              <Th>{t('home.colPrefecture')}</Th>
              {(['regions', 'municipalities', 'centres', 'organisations', 'users'] as const).map((k) => (
                <Th key={k} className="text-right">
                  {t(`network.${k}`)}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {network.byPrefecture.map((p) => (
              <tr key={p.code}>
                <RowTh>{p.name}</RowTh>
                {(['regions', 'municipalities', 'centres', 'organisations', 'users'] as const).map((k) => (
                  <Td key={k} className="text-right tabular-nums">
                    {formatNumber(p[k], locale)}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

/** Home: this 年度's figures over the user's scope, and the size of the support network. */
export function HomePage() {
  const t = useT();
  const { locale } = useLocale();
  const figures = useHomeFigures();
  const role = useSession().data?.user?.role;
  return (
    <Page title={t('home.title')}>
      <QueryState query={figures}>
        {(f) => (
          <>
            <p className="mb-6 text-std-18N-160">
              <span className="mr-4 text-std-20B-150">
                {t('home.nendo', { nendo: formatNendo(f.nendo, locale) })}
              </span>
              <span className="mr-4 text-solid-gray-700">
                {t('home.scope', { scope: scopeText(f.scope, t) })}
              </span>
              <span className="text-solid-gray-700" data-testid="figures-as-of">
                {t('home.asOf', { time: formatDateTime(f.asOf, locale) })}
              </span>
            </p>
            {f.children ? (
              <ChildFigures figures={f.children} />
            ) : (
              <p className="mb-8 rounded-8 border border-key-900 bg-key-50 px-4 py-3">
                {t('home.noPersonalData')}
              </p>
            )}
            {role && <HomeActionItems role={role} />}
            <Section id="home-network" title={t('home.network')}>
              <NetworkFigures network={f.network} />
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
