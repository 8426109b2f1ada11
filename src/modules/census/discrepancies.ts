/**
 * Discrepancy lists for the feedback to each municipality (ME-3): children another source places in the
 * municipality that none of the municipality's own lists holds ('missing'), and children its own list holds
 * whose birth date, sex or residence another source writes differently. A municipality's own lists are those
 * of census sources with its municipality code. Registry records are shown to a municipality only when the
 * guardian agreed to sharing with it (the registry's share_municipality consent, decision 0005). Pure but
 * for `runClusters`-style loading done by the caller.
 */
import type { z } from '@hono/zod-openapi';
import { findMunicipality } from '../../shared/municipalities';
import { type Cluster, isCounted } from './results';
import { memberView, type RunMember } from './review';
import type { ZDiscrepancy, ZDiscrepancyList, ZDiscrepancySummary } from './schemas';

type Discrepancy = z.infer<typeof ZDiscrepancy>;

const isOwn = (m: RunMember, code: string) => m.kind === 'record' && m.sourceMunicipalityCode === code;
/** What may be shown to a municipality: list records, and registry children with the sharing consent. */
const shareable = (m: RunMember) => m.kind === 'record' || m.shareMunicipality;

/** The discrepancies of one municipality, 'missing' first, then by cluster. */
export function discrepanciesOf(clusters: readonly Cluster<RunMember>[], code: string): Discrepancy[] {
  const missing: Discrepancy[] = [];
  const conflicts: Discrepancy[] = [];
  for (const c of clusters) {
    const own = c.members.filter((m) => isOwn(m, code));
    const others = c.members.filter((m) => !isOwn(m, code) && shareable(m));
    if (own.length === 0) {
      if (isCounted(c) && others.some((m) => m.municipalityCode === code)) {
        missing.push({ kind: 'missing', cluster: c.cluster, own: null, others: others.map(memberView) });
      }
      continue;
    }
    const o = own[0]!;
    const residence = o.municipalityCode ?? code;
    const checks: [Discrepancy['kind'], (m: RunMember) => boolean][] = [
      ['birth_date', (m) => !!o.birthDate && !!m.birthDate && m.birthDate !== o.birthDate],
      ['sex', (m) => !!o.sex && !!m.sex && m.sex !== o.sex],
      ['residence', (m) => !!m.municipalityCode && m.municipalityCode !== residence],
    ];
    for (const [kind, differs] of checks) {
      const off = others.filter(differs);
      if (off.length)
        conflicts.push({ kind, cluster: c.cluster, own: memberView(o), others: off.map(memberView) });
    }
  }
  return [...missing, ...conflicts];
}

/** Municipalities with their own lists in the run, with their numbers of missing children and conflicts. */
export function discrepancySummary(
  clusters: readonly Cluster<RunMember>[],
): z.infer<typeof ZDiscrepancySummary> {
  const codes = new Set<string>();
  for (const c of clusters) {
    for (const m of c.members)
      if (m.kind === 'record' && m.sourceMunicipalityCode) codes.add(m.sourceMunicipalityCode);
  }
  return {
    municipalities: [...codes].sort().map((code) => {
      const items = discrepanciesOf(clusters, code);
      const missing = items.filter((i) => i.kind === 'missing').length;
      return { code, name: findMunicipality(code)?.name ?? code, missing, conflicts: items.length - missing };
    }),
  };
}

/** One municipality's list. */
export function discrepancyList(
  clusters: readonly Cluster<RunMember>[],
  code: string,
): z.infer<typeof ZDiscrepancyList> {
  return {
    municipalityCode: code,
    municipalityName: findMunicipality(code)?.name ?? code,
    items: discrepanciesOf(clusters, code),
  };
}
