/**
 * A story on the centre's public site (docs/knowledge.md §4): first the consent to publication is recorded —
 * who agreed (the contact person or whoever speaks for the solver), on which day, how (in writing, by e-mail,
 * orally) and who recorded it — then a published story with that consent is offered on the public site, and
 * can be taken off again. Each step under the story's version, audited. Changing the story's text clears both
 * (story-writes.ts); taking it back to draft takes it off the site (review.ts).
 */
import type { z } from '@hono/zod-openapi';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { goodPractices, municipalities, regions } from '../../db/schema';
import { AppError } from '../../server/errors';
import { renderMarkdown } from '../../shared/markdown';
import { recordAudit } from '../audit/record';
import { type StoryPolicy, storyActions } from './policy';
import type { ZPublicConsentRequest, ZPublicOfferRequest } from './schemas';
import { type StoryRow, writableStory } from './scope';
import type { Who } from './stories';

async function save(
  tx: DbOrTx,
  who: Who,
  s: StoryRow,
  version: number,
  set: Partial<typeof goodPractices.$inferInsert>,
  detail: Record<string, unknown>,
) {
  const updated = await tx
    .update(goodPractices)
    .set({ ...set, updatedAt: who.at, version: sql`${goodPractices.version} + 1` })
    .where(and(eq(goodPractices.id, s.id), eq(goodPractices.version, version)))
    .returning({ id: goodPractices.id });
  if (updated.length === 0) throw new AppError('conflict', { detail: { current: { version: s.version } } });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'good_practice',
    entityIds: [s.id],
    detail: { ...detail, version: version + 1 },
  });
}

/** Records (or, with `consent: null`, withdraws) the consent to publication; a withdrawal takes it off the site. */
export async function recordPublicConsent(
  tx: DbOrTx,
  who: Who,
  policy: StoryPolicy,
  id: string,
  b: z.infer<typeof ZPublicConsentRequest>,
) {
  const s = await writableStory(tx, policy, id);
  if (!storyActions(policy, s).edit) throw new AppError('forbidden');
  const c = b.consent;
  await save(
    tx,
    who,
    s,
    b.version,
    c
      ? {
          publicConsentBy: c.by,
          publicConsentOn: c.on,
          publicConsentMethod: c.method,
          publicConsentRecordedBy: who.actor.userId,
          publicConsentRecordedAt: who.at,
        }
      : {
          publicConsentBy: null,
          publicConsentOn: null,
          publicConsentMethod: null,
          publicConsentRecordedBy: null,
          publicConsentRecordedAt: null,
          publicOfferedBy: null,
          publicOfferedAt: null,
        },
    c ? { event: 'public_consent', on: c.on, method: c.method } : { event: 'public_consent_withdrawn' },
  );
}

/** Offers a published story with consent on the public site, or takes it off. */
export async function offerPublic(
  tx: DbOrTx,
  who: Who,
  policy: StoryPolicy,
  id: string,
  b: z.infer<typeof ZPublicOfferRequest>,
) {
  const s = await writableStory(tx, policy, id);
  if (!storyActions(policy, s).edit) throw new AppError('forbidden');
  if (b.offered && (s.status !== 'published' || !s.publicConsentOn))
    throw new AppError('story_no_public_consent');
  await save(
    tx,
    who,
    s,
    b.version,
    b.offered
      ? { publicOfferedBy: who.actor.userId, publicOfferedAt: who.at }
      : { publicOfferedBy: null, publicOfferedAt: null },
    { event: b.offered ? 'public_offer' : 'public_offer_withdrawn' },
  );
}

/** What the public site shows of a story: no contact, no source, no people — the story and its area. */
export async function publicStories(db: DbOrTx, prefectureCode: string, id?: string) {
  const rows = await db
    .select({
      s: goodPractices,
      regionName: regions.name,
      municipalityName: municipalities.name,
    })
    .from(goodPractices)
    .innerJoin(regions, eq(regions.id, goodPractices.regionId))
    .leftJoin(municipalities, eq(municipalities.code, goodPractices.municipalityCode))
    .where(
      and(
        eq(goodPractices.prefectureCode, prefectureCode),
        eq(goodPractices.status, 'published'),
        isNotNull(goodPractices.publicOfferedAt),
        isNotNull(goodPractices.publicConsentOn),
        id ? eq(goodPractices.id, id) : undefined,
      ),
    )
    .orderBy(desc(goodPractices.publicOfferedAt))
    .limit(200);
  return rows.map(({ s, regionName, municipalityName }) => ({
    id: s.id,
    title: s.title,
    summary: s.summary,
    bodyHtml: id ? renderMarkdown(s.body) : null,
    topics: s.topics,
    careItems: s.careItems,
    area: municipalityName ?? regionName,
    solverText: s.solverText,
    solvedOn: s.solvedOn,
  }));
}
