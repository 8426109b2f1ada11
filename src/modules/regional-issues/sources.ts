/**
 * Where an issue was raised from: another module's record named by kind and id, without a foreign key. A
 * consultation is named only to a reader who may see it (the consultations module's scope); a bottleneck to a
 * reader of the gaps; an engagement (kind `hearing`: a hearing, a four-division meeting or a support-log entry)
 * to a reader of that municipality's engagements (the engagements module's scope); a meeting is linked to its
 * own page, which decides (404 outside its area).
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { consultations, engagements, regions, resourceBottlenecks } from '../../db/schema';
import { AppError } from '../../server/errors';
import { formatCaseNumber } from '../../shared/case-number';
import type { IssueSourceKind } from '../../shared/vocab/regional-issues';
import type { Actor } from '../access/actor';
import { engagementScope } from '../engagements/queries';
import { engagementPolicyFor } from '../engagements/scope';
import { resourcePolicy } from '../resources/policy';
import { visibleConsultations } from './evidence';
import type { Issue } from './issues';

async function bottleneckOf(db: DbOrTx, actor: Actor, id: string) {
  if (!actor.prefectureCode || !resourcePolicy(actor).gaps) return null;
  const [b] = await db
    .select({ id: resourceBottlenecks.id, note: resourceBottlenecks.note, regionName: regions.name })
    .from(resourceBottlenecks)
    .innerJoin(regions, eq(regions.id, resourceBottlenecks.regionId))
    .where(and(eq(resourceBottlenecks.id, id), eq(resourceBottlenecks.prefectureCode, actor.prefectureCode)));
  return b ?? null;
}

/** An engagement (hearing, four-division meeting, support-log entry) the actor reads, or null. */
async function engagementOf(db: DbOrTx, actor: Actor, id: string) {
  const policy = await engagementPolicyFor(db, actor);
  if (policy.area.kind === 'none' || !policy.prefectureCode) return null;
  const [e] = await db
    .select({ kind: engagements.kind, subject: engagements.subject, occurredOn: engagements.occurredOn })
    .from(engagements)
    .where(and(eq(engagements.id, id), engagementScope(policy)));
  return e ?? null;
}

async function consultationOf(db: DbOrTx, actor: Actor, id: string) {
  const scope = await visibleConsultations(db, actor);
  const [c] = await db
    .select({
      nendo: consultations.caseNendo,
      serial: consultations.caseSerial,
      subject: consultations.subject,
    })
    .from(consultations)
    .where(and(eq(consultations.id, id), scope));
  return c ?? null;
}

/** The issue's source as the reader may see it. */
export async function sourceView(db: DbOrTx, actor: Actor, i: Issue) {
  if (!i.sourceKind || !i.sourceId) return null;
  const base = { kind: i.sourceKind, id: i.sourceId };
  switch (i.sourceKind) {
    case 'consultation': {
      const c = await consultationOf(db, actor, i.sourceId);
      return c
        ? { ...base, visible: true, label: `${formatCaseNumber(c.nendo, c.serial)} ${c.subject}` }
        : { ...base, visible: false, label: null };
    }
    case 'bottleneck': {
      const b = await bottleneckOf(db, actor, i.sourceId);
      return b
        ? { ...base, visible: true, label: b.note ? `${b.regionName}：${b.note}` : b.regionName }
        : { ...base, visible: false, label: null };
    }
    case 'hearing': {
      const e = await engagementOf(db, actor, i.sourceId);
      return e
        ? { ...base, visible: true, label: e.subject, engagementKind: e.kind, on: e.occurredOn }
        : { ...base, visible: false, label: null };
    }
    default:
      return { ...base, visible: null, label: null };
  }
}

/**
 * Checks a source named when raising: a consultation, engagement or bottleneck must be one the caller sees (404
 * otherwise, as for an unknown id); a meeting belongs to a module this one does not read, and is kept as named.
 */
export async function checkSource(db: DbOrTx, actor: Actor, source: { kind: IssueSourceKind; id: string }) {
  if (source.kind === 'consultation' && !(await consultationOf(db, actor, source.id))) {
    throw new AppError('not_found');
  }
  if (source.kind === 'hearing' && !(await engagementOf(db, actor, source.id))) {
    throw new AppError('not_found');
  }
  if (source.kind === 'bottleneck' && !(await bottleneckOf(db, actor, source.id))) {
    throw new AppError('not_found');
  }
}
