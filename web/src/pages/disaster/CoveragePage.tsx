import { Link } from '@tanstack/react-router';
import { readsMunicipalPages } from '../../../../src/modules/municipalities/policy';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { type DisasterCoverage, useDisasterCoverage } from '../../lib/queries/disaster';
import { forTrainingRoles } from '../learning/courses/Guard';

type Counts = DisasterCoverage['total'];

function Cells({ c }: { c: Counts }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  return (
    <>
      <Td className="text-right tabular-nums">{n(c.electricityDependent)}</Td>
      <Td className="text-right tabular-nums">{n(c.agreedPlan)}</Td>
      <Td className="text-right tabular-nums">{n(c.onMeibo)}</Td>
      <Td className="text-right tabular-nums">{n(c.consented)}</Td>
      <Td>{c.lastReviewedOn ? formatDate(c.lastReviewedOn, locale) : t('dis.unknown')}</Td>
    </>
  );
}

function Head({ first }: { first: string }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <Th>{first}</Th>
        <Th className="text-right">{t('dis.cov.dependent')}</Th>
        <Th className="text-right">{t('dis.cov.agreed')}</Th>
        <Th className="text-right">{t('dis.cov.meibo')}</Th>
        <Th className="text-right">{t('dis.cov.consented')}</Th>
        <Th>{t('dis.cov.lastReviewed')}</Th>
      </tr>
    </thead>
  );
}

/**
 * 備えの状況 (docs/disaster.md §3): per region and municipality of the reader's area, the electricity-dependent
 * children, agreed plans, the 名簿 and the last review — counts only, consent or not.
 */
function CoverageScreen() {
  const t = useT();
  const query = useDisasterCoverage();
  return (
    <Page title={t('dis.coverageTitle')} intro={t('dis.coverageIntro')}>
      <p className="mb-4 print:hidden">
        <Link to="/disaster" search={{}} className="inline-flex min-h-11 items-center">
          {t('dis.toList')}
        </Link>
      </p>
      <QueryState query={query}>
        {(cov) =>
          cov.municipalities.length === 0 ? (
            <p role="status">{t('dis.cov.none')}</p>
          ) : (
            <>
              <Table caption={t('dis.cov.byRegion')}>
                <Head first={t('dis.cov.region')} />
                <tbody>
                  {cov.regions.map((r) => (
                    <tr key={r.regionId ?? 'none'}>
                      <RowTh>{r.regionName ?? t('dis.unknown')}</RowTh>
                      <Cells c={r} />
                    </tr>
                  ))}
                  <tr>
                    <RowTh>{t('dis.cov.total')}</RowTh>
                    <Cells c={cov.total} />
                  </tr>
                </tbody>
              </Table>
              <Table caption={t('dis.cov.byMunicipality')}>
                <Head first={t('dis.municipality')} />
                <tbody>
                  {cov.municipalities.map((m) => (
                    <tr key={m.code}>
                      <RowTh>
                        <Link to="/disaster" search={{ municipality: m.code }}>
                          {m.name}
                        </Link>
                      </RowTh>
                      <Cells c={m} />
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

export const DisasterCoveragePage = forTrainingRoles(readsMunicipalPages, CoverageScreen);
