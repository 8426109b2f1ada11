/**
 * A meeting's attendance and minutes. Attendance is for members only: someone who is not a member of the body
 * on the meeting's date is refused with `council_not_member` naming each such line, and nothing is written.
 * Minutes have a public part (published on the public site when marked, for a meeting that was held) and a
 * non-public part that never leaves sign-in; decisions are written with them.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { councilAttendance, councilDecisions, councilMembers } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import type { Who } from './bodies';
import { bumpMeeting, checkMeetingVersion, managedMeeting, membersOn } from './meetings';
import type { CouncilPolicy } from './policy';
import type { ZAttendanceRequest, ZMinutesRequest } from './schemas';

/** Replaces a meeting's attendance with the entries given (409 on a stale version). */
export async function recordAttendance(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  id: string,
  body: z.infer<typeof ZAttendanceRequest>,
) {
  const { meeting: m, body: b } = await managedMeeting(tx, policy, id, isoDateInJapan(who.at));
  await checkMeetingVersion(tx, who, policy, m, body.version);
  const ids = body.entries.map((e) => e.memberId);
  const dup = ids.findIndex((v, i) => ids.indexOf(v) !== i);
  if (dup >= 0) {
    throw new AppError('validation_failed', {
      issues: [{ path: `entries.${dup}.memberId`, message: '同じ委員が2回あります / The same member twice' }],
    });
  }
  const day = isoDateInJapan(m.startsAt);
  const found = ids.length
    ? await tx
        .select({ id: councilMembers.id })
        .from(councilMembers)
        .where(and(inArray(councilMembers.id, ids), eq(councilMembers.bodyId, b.id), membersOn(day)))
    : [];
  const ok = new Set(found.map((f) => f.id));
  const issues = body.entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => !ok.has(e.memberId))
    .map(({ i }) => ({
      path: `entries.${i}.memberId`,
      message:
        'この会議体の委員（開催日に任期中）ではありません / Not a member of this body on the meeting date',
    }));
  if (issues.length) throw new AppError('council_not_member', { issues });
  await tx.delete(councilAttendance).where(eq(councilAttendance.meetingId, m.id));
  if (body.entries.length) {
    await tx.insert(councilAttendance).values(
      body.entries.map((e) => ({
        meetingId: m.id,
        memberId: e.memberId,
        status: e.status,
        note: e.note ?? '',
      })),
    );
  }
  await bumpMeeting(tx, m.id, who.at);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'council_meeting',
    entityIds: [m.id],
    detail: { changed: ['attendance'], count: body.entries.length },
  });
}

/** Writes a meeting's minutes and decisions, and publishes or withdraws the public part. */
export async function writeMinutes(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  id: string,
  body: z.infer<typeof ZMinutesRequest>,
) {
  const { meeting: m } = await managedMeeting(tx, policy, id, isoDateInJapan(who.at));
  await checkMeetingVersion(tx, who, policy, m, body.version);
  if (body.publish && (m.status !== 'held' || body.minutesPublic.trim() === '')) {
    throw new AppError('council_minutes_not_publishable');
  }
  await tx.delete(councilDecisions).where(eq(councilDecisions.meetingId, m.id));
  if (body.decisions.length) {
    await tx
      .insert(councilDecisions)
      .values(body.decisions.map((text, i) => ({ meetingId: m.id, seq: i + 1, text })));
  }
  const publishedAt = body.publish ? (m.minutesPublishedAt ?? who.at) : null;
  await bumpMeeting(tx, m.id, who.at, {
    minutesPublic: body.minutesPublic,
    minutesPrivate: body.minutesPrivate,
    minutesPublishedAt: publishedAt,
  });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'council_meeting',
    entityIds: [m.id],
    detail: {
      changed: ['minutes', 'decisions'],
      count: body.decisions.length,
      ...(body.publish !== (m.minutesPublishedAt !== null)
        ? { event: body.publish ? 'publish' : 'unpublish' }
        : {}),
    },
  });
}
