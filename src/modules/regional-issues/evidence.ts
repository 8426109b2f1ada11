/**
 * An issue's evidence (KA-4's 困り感: one person's trouble or a shared one): the linked consultations the reader
 * may see, through the consultations module's own scope (`consultationScope`), the rest counted and never named;
 * how many distinct askers they come from; and the supply and demand of the issue's care item in its region from
 * the resources module's gaps, which count children within the reader's registry scope.
 */
import { and, asc, count, desc, eq, gte, ilike, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  consultations,
  municipalities,
  regionalIssueConsultations,
  type regionalIssues,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { formatCaseNumber } from '../../shared/case-number';
import { addDays, isoDateInJapan } from '../../shared/dates';
import type { Actor } from '../access/actor';
import { consultationScope } from '../consultations/scope';
import { actorTeams } from '../consultations/teams';
import { gaps } from '../resources/gaps';
import { resourcePolicy } from '../resources/policy';

type Issue = typeof regionalIssues.$inferSelect;

/** The actor's consultation scope (its teams read once). */
export async function visibleConsultations(db: DbOrTx, actor: Actor): Promise<SQL> {
  const teams = await actorTeams(db, actor);
  return consultationScope(
    actor,
    teams.map((t) => t.id),
  );
}

const evidenceColumns = {
  id: consultations.id,
  nendo: consultations.caseNendo,
  serial: consultations.caseSerial,
  subject: consultations.subject,
  openedOn: consultations.openedOn,
  municipalityName: municipalities.name,
  closedAt: consultations.closedAt,
};

type EvidenceRow = {
  id: string;
  nendo: number;
  serial: number;
  subject: string;
  openedOn: string;
  municipalityName: string;
  closedAt: Date | null;
};

function evidenceView(r: EvidenceRow) {
  return {
    id: r.id,
    number: formatCaseNumber(r.nendo, r.serial),
    subject: r.subject,
    openedOn: r.openedOn,
    municipalityName: r.municipalityName,
    closed: r.closedAt !== null,
  };
}

/**
 * Who asked, as one key per asker: the registered child, else the asking organisation, else the asker's contact
 * as written (trimmed, case folded), else the consultation itself (an anonymous asker counts once per case).
 */
const askerKey = sql`coalesce(${consultations.childId}::text,
  'o:' || ${consultations.askerOrganisationId}::text,
  'c:' || nullif(lower(btrim(${consultations.askerContact})), ''),
  'x:' || ${consultations.id}::text)`;

export async function issueEvidence(db: DbOrTx, actor: Actor, issue: Issue, now: Date, regionName: string) {
  const scope = await visibleConsultations(db, actor);
  const linked = and(
    eq(regionalIssueConsultations.issueId, issue.id),
    eq(regionalIssueConsultations.consultationId, consultations.id),
  );
  const [visible, [totals]] = await Promise.all([
    db
      .select(evidenceColumns)
      .from(regionalIssueConsultations)
      .innerJoin(consultations, linked)
      .innerJoin(municipalities, eq(municipalities.code, consultations.municipalityCode))
      .where(scope)
      .orderBy(desc(consultations.openedOn)),
    db
      .select({ total: count(), askers: sql<number>`count(distinct ${askerKey})::int` })
      .from(regionalIssueConsultations)
      .innerJoin(consultations, linked),
  ]);
  const total = Number(totals?.total ?? 0);
  return {
    consultations: visible.map(evidenceView),
    hidden: total - visible.length,
    total,
    distinctAskers: Number(totals?.askers ?? 0),
    gap: issue.careItem ? await gapFigures(db, actor, issue, now, regionName) : null,
  };
}

async function gapFigures(db: DbOrTx, actor: Actor, issue: Issue, now: Date, regionName: string) {
  const policy = resourcePolicy(actor);
  if (!policy.gaps || !actor.prefectureCode) return null;
  const g = await gaps(
    db,
    { actor, meta: null, at: now, policy, prefectureCode: actor.prefectureCode },
    issue.regionId,
  );
  const cell = g.regions[0]?.cells.find((c) => c.careItem === issue.careItem);
  return {
    regionName,
    careItem: issue.careItem!,
    demand: cell?.demand ?? 0,
    services: cell?.services ?? 0,
    vacancy: cell?.vacancy ?? 0,
    shortfall: cell?.shortage ?? 0,
    demandPerService: cell ? Math.round((cell.demand / Math.max(cell.services, 1)) * 100) / 100 : 0,
  };
}

/** How many consultations each issue has as evidence (for the list). */
export async function consultationCounts(db: DbOrTx, issueIds: string[]): Promise<Map<string, number>> {
  if (!issueIds.length) return new Map();
  const rows = await db
    .select({ id: regionalIssueConsultations.issueId, n: count() })
    .from(regionalIssueConsultations)
    .where(sql`${regionalIssueConsultations.issueId} in ${issueIds}`)
    .groupBy(regionalIssueConsultations.issueId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/**
 * Consultations the reader may see and could link: of the issue's municipality (or region), opened within the
 * last two years, not linked yet, newest first; `q` matches the subject.
 */
export async function candidateConsultations(
  db: DbOrTx,
  actor: Actor,
  issue: Issue,
  now: Date,
  q: string | undefined,
) {
  const scope = await visibleConsultations(db, actor);
  const since = addDays(isoDateInJapan(now), -730);
  const area = issue.municipalityCode
    ? eq(consultations.municipalityCode, issue.municipalityCode)
    : sql`${consultations.municipalityCode} in (select municipality_code from region_municipalities
                                                where region_id = ${issue.regionId} and valid_to is null)`;
  const rows = await db
    .select(evidenceColumns)
    .from(consultations)
    .innerJoin(municipalities, eq(municipalities.code, consultations.municipalityCode))
    .where(
      and(
        scope,
        area,
        gte(consultations.openedOn, since),
        q ? or(ilike(consultations.subject, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)) : undefined,
        notExists(
          db
            .select({ one: sql`1` })
            .from(regionalIssueConsultations)
            .where(
              and(
                eq(regionalIssueConsultations.issueId, issue.id),
                eq(regionalIssueConsultations.consultationId, consultations.id),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(consultations.openedOn), asc(consultations.caseSerial))
    .limit(50);
  return rows.map(evidenceView);
}

/** A consultation the reader may see, by an unverified id (404 otherwise): only those can be linked. */
export async function visibleConsultation(db: DbOrTx, actor: Actor, id: string) {
  if (!isUuid(id)) throw new AppError('not_found');
  const scope = await visibleConsultations(db, actor);
  const [row] = await db
    .select({ id: consultations.id, prefectureCode: consultations.prefectureCode })
    .from(consultations)
    .where(and(eq(consultations.id, id), scope));
  if (!row) throw new AppError('not_found');
  return row;
}
