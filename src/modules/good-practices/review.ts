/**
 * The review of a story: draft → checked for personal data (by a second person, who confirms each statement
 * and every finding of the check; the source's own data blocks) → published to the prefecture's staff; and
 * back to draft (withdrawn). Each step is one transaction under the story's version, with its audit entry.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { goodPractices } from '../../db/schema';
import { AppError } from '../../server/errors';
import { GOOD_PRACTICE_CONFIRMATIONS, type GoodPracticeStatus } from '../../shared/vocab/good-practices';
import { recordAudit } from '../audit/record';
import { unacknowledged } from './personal-data';
import { type StoryPolicy, storyActions } from './policy';
import type { ZCheckStoryRequest } from './schemas';
import { type StoryRow, writableStory } from './scope';
import { flagsOf, type Who } from './stories';
import { NOT_PUBLIC } from './story-writes';

async function step(
  tx: DbOrTx,
  who: Who,
  before: StoryRow,
  version: number,
  set: Partial<typeof goodPractices.$inferInsert>,
  event: 'personal_data_checked' | 'publish' | 'unpublish',
) {
  const updated = await tx
    .update(goodPractices)
    .set({ ...set, updatedAt: who.at, version: sql`${goodPractices.version} + 1` })
    .where(and(eq(goodPractices.id, before.id), eq(goodPractices.version, version)))
    .returning({ id: goodPractices.id });
  if (updated.length === 0)
    throw new AppError('conflict', { detail: { current: { version: before.version } } });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'good_practice',
    entityIds: [before.id],
    detail: { event, version: version + 1 },
  });
}

function requireStatus(s: StoryRow, status: GoodPracticeStatus) {
  if (s.status !== status) throw new AppError('story_wrong_status');
}

/** A second person confirms the story carries no personal data. */
export async function checkStory(
  tx: DbOrTx,
  who: Who,
  policy: StoryPolicy,
  id: string,
  b: z.infer<typeof ZCheckStoryRequest>,
) {
  const s = await writableStory(tx, policy, id);
  requireStatus(s, 'draft');
  if (!storyActions(policy, s).check) throw new AppError('story_self_check');
  if (GOOD_PRACTICE_CONFIRMATIONS.some((c) => !b.confirmations.includes(c))) {
    throw new AppError('story_confirmations_missing');
  }
  const flags = await flagsOf(tx, s);
  const blocking = flags.filter((f) => f.blocking);
  if (blocking.length) {
    throw new AppError('story_personal_data', { detail: { flags: blocking.map((f) => f.key) } });
  }
  const open = unacknowledged(flags, b.acknowledgedFlags);
  if (open.length) throw new AppError('story_flags_open', { detail: { flags: open.map((f) => f.key) } });
  const keys = new Set(flags.map((f) => f.key));
  await step(
    tx,
    who,
    s,
    b.version,
    {
      status: 'checked',
      checkedBy: who.actor.userId,
      checkedAt: who.at,
      checkConfirmations: [...GOOD_PRACTICE_CONFIRMATIONS],
      acknowledgedFlags: b.acknowledgedFlags.filter((k) => keys.has(k)),
    },
    'personal_data_checked',
  );
}

/** A checked story is published to every staff user of the prefecture. */
export async function publishStory(tx: DbOrTx, who: Who, policy: StoryPolicy, id: string, version: number) {
  const s = await writableStory(tx, policy, id);
  requireStatus(s, 'checked');
  await step(
    tx,
    who,
    s,
    version,
    { status: 'published', publishedBy: who.actor.userId, publishedAt: who.at },
    'publish',
  );
}

/** A checked or published story goes back to draft (its check is cleared). */
export async function withdrawStory(tx: DbOrTx, who: Who, policy: StoryPolicy, id: string, version: number) {
  const s = await writableStory(tx, policy, id);
  if (s.status === 'draft') throw new AppError('story_wrong_status');
  await step(
    tx,
    who,
    s,
    version,
    {
      status: 'draft',
      checkedBy: null,
      checkedAt: null,
      checkConfirmations: [],
      acknowledgedFlags: [],
      publishedBy: null,
      publishedAt: null,
      ...NOT_PUBLIC,
    },
    'unpublish',
  );
}
