import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, consultations, municipalities } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor } from '../access/actor';
import { ROLE_INFO } from '../access/roles';
import { childScope } from '../registry/scope';
import { recordConsultationChange, refreshDueOn, type Writer } from './access';
import { askerDivisionIssue, checkAskerOrganisation } from './asker-organisation';
import { searchTextOf } from './policy';
import { checkTeamAssignee } from './referrals-assign';
import type { CreateConsultation } from './schemas';
import { actorTeamKeys, actorTeams, ensureTeam, type TeamRow } from './teams';

/** The municipality must be one of the actor's prefecture (400 otherwise). */
export async function checkMunicipality(db: DbOrTx, prefectureCode: string, code: string): Promise<void> {
  const [m] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(and(eq(municipalities.code, code), eq(municipalities.prefectureCode, prefectureCode)));
  if (!m) throw new AppError('invalid_municipality_code');
}

/** The team a new case of the actor belongs to: the one named (if the actor is in it) or its own tier team. */
async function intakeTeam(tx: DbOrTx, actor: Actor, teamId: string | undefined): Promise<TeamRow> {
  if (teamId) {
    const mine = await actorTeams(tx, actor);
    const team = mine.find((t) => t.id === teamId && t.kind === 'tier');
    if (!team) throw new AppError('consultation_team_unknown');
    return team;
  }
  const [key] = await actorTeamKeys(tx, actor);
  if (!key) throw new AppError('consultation_no_team');
  return ensureTeam(tx, actor.prefectureCode!, key);
}

/**
 * Intake (相談受付): records a consultation owned by the actor's team, which is also its first-contact team.
 * A registered child must be one the actor may see in the registry (400 otherwise, never revealing whether
 * the record exists); a municipal asker names its division (400 otherwise, `asker.ts`). Returns the new id; history and audit commit with it.
 */
export async function createConsultation(tx: DbOrTx, w: Writer, body: CreateConsultation): Promise<string> {
  const { actor } = w;
  if (!actor.prefectureCode || ROLE_INFO[actor.role].readOnly) throw new AppError('forbidden');
  const divisionIssue = askerDivisionIssue(body.askerKind, body.askerDivision);
  if (divisionIssue) throw new AppError('validation_failed', { issues: [divisionIssue] });
  const askerOrganisationId = await checkAskerOrganisation(
    tx,
    actor.prefectureCode,
    body.askerKind,
    body.askerOrganisationId,
  );
  const team = await intakeTeam(tx, actor, body.teamId);
  await checkMunicipality(tx, actor.prefectureCode, body.municipalityCode);
  // As on every later change: a case is carried by a member of the team that owns it.
  if (body.assignedUserId) await checkTeamAssignee(tx, team, body.assignedUserId);
  let childId: string | null = null;
  if (body.child.kind === 'registered') {
    const [c] = await tx
      .select({ id: children.id })
      .from(children)
      .where(and(eq(children.id, body.child.childId), childScope(actor)));
    if (!c) throw new AppError('consultation_child_unknown');
    childId = c.id;
  }
  const openedAt = body.openedAt ? new Date(body.openedAt) : w.at;
  const [row] = await tx
    .insert(consultations)
    .values({
      prefectureCode: actor.prefectureCode,
      ownerTeamId: team.id,
      ownerTier: team.tier,
      firstTeamId: team.id,
      firstTier: team.tier,
      municipalityCode: body.municipalityCode,
      askerKind: body.askerKind,
      askerDivision: body.askerDivision ?? null,
      askerContact: body.askerContact || null,
      askerOrganisationId,
      channel: body.channel,
      childKind: body.child.kind,
      childId,
      childDescription: body.child.kind === 'unregistered' ? body.child.description : null,
      topics: [...new Set(body.topics)],
      urgency: body.urgency,
      subject: body.subject,
      narrative: body.narrative,
      searchText: searchTextOf(body.narrative),
      openedAt,
      openedOn: isoDateInJapan(openedAt),
      nextActionOn: body.nextActionOn ?? null,
      nextAction: body.nextAction || null,
      // Whoever takes the call carries the case unless someone else is named.
      assignedUserId: body.assignedUserId === undefined ? actor.userId : body.assignedUserId,
      createdBy: actor.userId,
      createdAt: w.at,
      updatedAt: w.at,
    })
    .returning();
  await refreshDueOn(tx, row!.id);
  await recordConsultationChange(tx, w, row!, 'create', {
    ownerTeamId: [null, team.id],
    subject: [null, row!.subject],
    topics: [null, row!.topics],
    urgency: [null, row!.urgency],
  });
  return row!.id;
}
