import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { disasterChildRoutes } from './routes-child';
import { disasterListRoutes } from './routes-list';

export { disasterCounts, municipalityDisasterCounts } from './coverage';
export {
  batteryHoursSql,
  disasterAreaScope,
  disasterConsentGranted,
  disasterListScope,
  electricityDependentSql,
  requireDisasterReader,
} from './scope';

/**
 * Disaster readiness (docs/disaster.md §1–3, §7): each child's disaster profile and emergency sheet, the
 * municipality's list of children whose guardians consented to disaster planning with its 名簿-ordered files, the
 * plan status recorded back by the municipality, and the coverage by municipality and region.
 */
export const disasterModule: Module = {
  name: 'disaster',
  basePath: '/api/disaster',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', disasterChildRoutes(deps));
    r.route('/', disasterListRoutes(deps));
    return r;
  },
};
