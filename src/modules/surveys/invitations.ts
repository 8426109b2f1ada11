/**
 * Personal links (個別リンク): each recipient gets a one-time link; only its SHA-256 is kept, so links are
 * answered only by the request that issues them — at first, and again, fresh, by a reminder to those who have
 * not answered (their older links die). With mail on, the routes queue each link to its recipient's address
 * (mailing.ts); the links also go out as a file for mail merge or as printed letters with a QR code.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, not } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { surveyInvitations } from '../../db/schema';
import { AppError } from '../../server/errors';
import { findMunicipality } from '../../shared/municipalities';
import { recordAudit } from '../audit/record';
import { tokenHash } from './answer';
import type { SurveyPolicy } from './policy';
import type { ZInviteRequest } from './schemas';
import { newToken, readableSurvey, requirePolicy, type Who } from './surveys';

export type Issued = { survey: Awaited<ReturnType<typeof readableSurvey>>; links: IssuedLink[] };

export type IssuedLink = {
  invitationId: string;
  name: string;
  municipalityName: string;
  email: string;
  address: string;
  /** The path of the link (/public/surveys/…); made absolute where it is handed out. */
  url: string;
};

const muniName = (code: string | null) => (code ? (findMunicipality(code)?.name ?? code) : '');

export async function inviteRecipients(
  tx: DbOrTx,
  who: Who,
  policy: SurveyPolicy,
  id: string,
  body: z.infer<typeof ZInviteRequest>,
): Promise<Issued> {
  const s = await readableSurvey(tx, requirePolicy(policy), id);
  requirePolicy(policy, true);
  if (s.status === 'closed') throw new AppError('survey_closed');
  body.recipients.forEach((r, i) => {
    if (r.municipalityCode && findMunicipality(r.municipalityCode)?.code.slice(0, 2) !== s.prefectureCode) {
      throw new AppError('validation_failed', {
        issues: [
          { path: `recipients.${i}.municipalityCode`, message: 'Not a municipality of this prefecture.' },
        ],
      });
    }
  });
  const links: IssuedLink[] = [];
  for (let i = 0; i < body.recipients.length; i += 500) {
    const chunk = body.recipients.slice(i, i + 500).map((r) => ({ r, token: newToken() }));
    const rows = await tx
      .insert(surveyInvitations)
      .values(
        chunk.map(({ r, token }) => ({
          surveyId: s.id,
          prefectureCode: s.prefectureCode,
          name: r.name,
          municipalityCode: r.municipalityCode ?? null,
          email: r.email ?? '',
          address: r.address ?? '',
          tokenHash: tokenHash(token),
          createdAt: who.at,
        })),
      )
      .returning({ id: surveyInvitations.id });
    rows.forEach((row, j) => {
      const { r, token } = chunk[j]!;
      links.push({
        invitationId: row.id,
        name: r.name,
        municipalityName: muniName(r.municipalityCode ?? null),
        email: r.email ?? '',
        address: r.address ?? '',
        url: `/public/surveys/${token}`,
      });
    });
  }
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'survey_invitation',
    entityIds: [s.id],
    detail: { event: 'links', count: links.length },
  });
  return { survey: s, links };
}

/** Fresh links for everyone who has not answered yet; their older links die. */
export async function remindRecipients(
  tx: DbOrTx,
  who: Who,
  policy: SurveyPolicy,
  id: string,
): Promise<Issued> {
  const s = await readableSurvey(tx, requirePolicy(policy), id);
  requirePolicy(policy, true);
  if (s.status === 'closed' || (s.closesAt && s.closesAt <= who.at)) throw new AppError('survey_closed');
  const waiting = await tx
    .select()
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.surveyId, s.id), not(surveyInvitations.answered)))
    .orderBy(asc(surveyInvitations.municipalityCode), asc(surveyInvitations.name));
  const links: IssuedLink[] = [];
  for (const inv of waiting) {
    const token = newToken();
    await tx
      .update(surveyInvitations)
      .set({ tokenHash: tokenHash(token), issuedCount: inv.issuedCount + 1 })
      .where(and(eq(surveyInvitations.id, inv.id), not(surveyInvitations.answered)));
    links.push({
      invitationId: inv.id,
      name: inv.name,
      municipalityName: muniName(inv.municipalityCode),
      email: inv.email,
      address: inv.address,
      url: `/public/surveys/${token}`,
    });
  }
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'survey_invitation',
    entityIds: [s.id],
    detail: { event: 'reminders', count: links.length },
  });
  return { survey: s, links };
}

/** Who was asked, and whether they answered (for an anonymous survey only that, never which answer). */
export async function listInvitations(db: DbOrTx, policy: SurveyPolicy, id: string) {
  const s = await readableSurvey(db, requirePolicy(policy), id);
  const rows = await db
    .select()
    .from(surveyInvitations)
    .where(eq(surveyInvitations.surveyId, s.id))
    .orderBy(asc(surveyInvitations.municipalityCode), asc(surveyInvitations.name))
    .limit(10_000);
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    municipalityName: muniName(r.municipalityCode),
    email: r.email,
    answered: r.answered,
    issuedCount: r.issuedCount,
  }));
  const answered = items.filter((r) => r.answered).length;
  return { items, answered, notAnswered: items.length - answered, survey: s };
}
