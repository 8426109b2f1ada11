/**
 * Pushing a published run into the registry ("台帳への反映"): every cluster with list records but no registry
 * child becomes a child record, created through the registry's own create path (registry/create-child.ts:
 * policy, scope of the municipality, name keys, residence, history and audit), with a 'census_push' history
 * entry naming the run and the sources and a census_provenance row; a cluster that has a registry child gets a
 * provenance row confirming it. One transaction with its audit entry; idempotent — a cluster with provenance
 * in this run is never pushed again, so a second push creates nothing.
 *
 * Not pushed: care items (lists give no watch level, and the care score is the doctor's judgement), guardians
 * and consents. A cluster is skipped, with a reason in both languages, when it lacks a municipality of the
 * prefecture, a birth date, or a name and kana that split into family and given names.
 */
import type { z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { censusProvenance, censusRuns, childHistory } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { compareIsoDates, isoDateInJapan } from '../../shared/dates';
import { toFullwidthKana, toKatakana } from '../../shared/kana';
import { findMunicipality } from '../../shared/municipalities';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { createChild } from '../registry/create-child';
import type { Writer } from '../registry/history';
import type { CreateChildInput } from '../registry/schemas-write';
import { type Cluster, clusterBirthDate, clusterMunicipality, loadClusters } from './results';
import type { RunMember } from './review';
import { lockRun, runSummary } from './runs';
import type { ZPushResponse } from './schemas';

type Skip = { ja: string; en: string };

const SPLIT = /^([^\s\u3000]+)[\s\u3000]+(.+)$/u;
const KATAKANA = /^[\u30A1-\u30FA\u30FC-\u30FE\u30FB]+$/;

/** Family and given name from "family given" (split on the first space). */
export function splitName(name: string | null): [string, string] | null {
  const m = name ? SPLIT.exec(name.trim()) : null;
  return m ? [m[1]!, m[2]!.trim()] : null;
}

/** Family and given kana in full-width katakana, or null when the kana does not split or is not kana. */
export function splitKana(kana: string | null): [string, string] | null {
  const parts = splitName(kana ? toKatakana(toFullwidthKana(kana)) : null);
  if (!parts) return null;
  const [f, g] = parts.map((p) => p.replace(/[\s\u3000]+/g, '')) as [string, string];
  return KATAKANA.test(f) && KATAKANA.test(g) ? [f, g] : null;
}

/** The registry record a cluster would become, or why it cannot. Pure. */
export function childInputOf(
  c: Cluster<RunMember>,
  prefectureCode: string,
  today: string,
): { input: CreateChildInput } | { skip: Skip } {
  const records = c.members
    .filter((m) => m.kind === 'record')
    .sort((a, b) => (b.importedAt?.getTime() ?? 0) - (a.importedAt?.getTime() ?? 0));
  const municipalityCode = clusterMunicipality(c);
  if (
    !municipalityCode ||
    municipalityCode.slice(0, 2) !== prefectureCode ||
    !findMunicipality(municipalityCode)
  ) {
    return {
      skip: { ja: '県内の市町村が分かりません。', en: 'No municipality of the prefecture is known.' },
    };
  }
  const birthDate = clusterBirthDate(c);
  if (!birthDate || compareIsoDates(birthDate, today) > 0) {
    return { skip: { ja: '生年月日が分かりません。', en: 'No (valid) date of birth is known.' } };
  }
  const name = records.map((m) => splitName(m.name)).find(Boolean);
  if (!name) {
    return {
      skip: {
        ja: '氏名を姓と名に分けられません（姓と名の間に空白のある名簿がありません）。',
        en: 'The name cannot be split into family and given names (no list separates them with a space).',
      },
    };
  }
  const kana = records.map((m) => splitKana(m.kana)).find(Boolean);
  if (!kana) {
    return {
      skip: {
        ja: 'フリガナを姓と名に分けられません（フリガナのない名簿か、姓と名の間に空白がありません）。',
        en: 'The kana cannot be split into family and given names (missing, or not separated by a space).',
      },
    };
  }
  const sexes = records.flatMap((m) => (m.sex ? [m.sex] : []));
  const females = sexes.filter((s) => s === 'female').length;
  const sex =
    sexes.length === 0 || females * 2 === sexes.length
      ? 'unknown'
      : females * 2 > sexes.length
        ? 'female'
        : 'male';
  const address = records.find((m) => m.municipalityCode === municipalityCode && m.address)?.address ?? null;
  return {
    input: {
      familyName: name[0],
      givenName: name[1],
      familyKana: kana[0],
      givenKana: kana[1],
      birthDate,
      sex,
      municipalityCode,
      address,
    },
  };
}

/** Pushes a published run's children into the registry (see the module comment). */
export async function pushRun(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  prefectureCode: string,
  unverifiedId: string,
): Promise<z.infer<typeof ZPushResponse>> {
  const db = deps.db.systemDb;
  const { runId, created, confirmed, skipped } = await db.transaction(async (tx) => {
    const run = await lockRun(tx, prefectureCode, unverifiedId);
    if (run.status !== 'published') throw new AppError('census_run_not_published');
    const at = deps.now();
    const w: Writer = { actor, meta, at, today: isoDateInJapan(at) };
    const done = new Set(
      (
        await tx
          .select({ cluster: censusProvenance.cluster })
          .from(censusProvenance)
          .where(eq(censusProvenance.runId, run.id))
      ).map((p) => p.cluster),
    );
    let created = 0;
    let confirmed = 0;
    const skipped: { cluster: number; ja: string; en: string }[] = [];
    for (const c of await loadClusters(tx, actor, run.id)) {
      const records = c.members.filter((m) => m.kind === 'record');
      if (done.has(c.cluster) || records.length === 0) continue;
      const sources = records.map((m) => ({ source: m.sourceName, file: m.fileName ?? '', row: m.row }));
      const known = c.members.find((m) => m.kind === 'registry' && m.childId);
      if (known) {
        await tx.insert(censusProvenance).values({
          runId: run.id,
          cluster: c.cluster,
          childId: known.childId!,
          created: false,
          sources,
          at,
        });
        confirmed++;
        continue;
      }
      const made = childInputOf(c, prefectureCode, w.today);
      if ('skip' in made) {
        skipped.push({ cluster: c.cluster, ...made.skip });
        continue;
      }
      const childId = await createChild(tx, w, made.input);
      await tx.insert(childHistory).values({
        childId,
        at,
        userId: actor.userId,
        action: 'census_push',
        changes: { source: 'census', runId: run.id, nendo: run.nendo, cluster: c.cluster, sources },
        version: 1,
      });
      await tx
        .insert(censusProvenance)
        .values({ runId: run.id, cluster: c.cluster, childId, created: true, sources, at });
      created++;
    }
    await tx
      .update(censusRuns)
      .set({ pushedAt: at, pushedBy: actor.userId, version: sql`${censusRuns.version} + 1` })
      .where(eq(censusRuns.id, run.id));
    await recordAudit(
      tx,
      { actor, meta, at },
      {
        action: 'update',
        entityType: 'census_run',
        entityIds: [run.id],
        detail: { event: 'push', nendo: run.nendo, created, confirmed, skipped: skipped.length },
      },
    );
    return { runId: run.id, created, confirmed, skipped };
  });
  const [run] = await db.select().from(censusRuns).where(eq(censusRuns.id, runId));
  return { created, confirmed, skipped, run: await runSummary(db, run!) };
}
