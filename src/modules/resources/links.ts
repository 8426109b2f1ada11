import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { resourceLinks, resourceServices } from '../../db/schema';
import { AppError } from '../../server/errors';
import { randomToken, tokenHash } from '../accounts/crypto';

/** Provider links live 30 days (no mail server: staff copy the link, as with invitations, decision 0004). */
export const PROVIDER_LINK_TTL_MS = 30 * 24 * 3_600_000;

export const providerLinkUrl = (token: string) => `/public/resources/confirm#token=${token}`;

export type IssuedLink = {
  serviceId: string;
  serviceName: string;
  url: string;
  token: string;
  expiresAt: string;
};

/**
 * Issues one-time links for services (earlier unused links of the same services die). Only the SHA-256 of each
 * token is stored, as accounts/tokens.ts does; the token is shown this once.
 */
export async function issueProviderLinks(
  tx: DbOrTx,
  services: { id: string; name: string; prefectureCode: string }[],
  opts: { createdBy: string | null; now: Date; roundId?: string | null },
): Promise<IssuedLink[]> {
  if (!services.length) return [];
  const ids = services.map((s) => s.id);
  for (let i = 0; i < ids.length; i += 1000) {
    await tx
      .update(resourceLinks)
      .set({ usedAt: opts.now })
      .where(and(inArray(resourceLinks.serviceId, ids.slice(i, i + 1000)), isNull(resourceLinks.usedAt)));
  }
  const expiresAt = new Date(opts.now.getTime() + PROVIDER_LINK_TTL_MS);
  const issued = services.map((s) => ({ s, token: randomToken() }));
  for (let i = 0; i < issued.length; i += 500) {
    await tx.insert(resourceLinks).values(
      issued.slice(i, i + 500).map(({ s, token }) => ({
        id: tokenHash(token),
        serviceId: s.id,
        prefectureCode: s.prefectureCode,
        roundId: opts.roundId ?? null,
        createdBy: opts.createdBy,
        createdAt: opts.now,
        expiresAt,
      })),
    );
  }
  return issued.map(({ s, token }) => ({
    serviceId: s.id,
    serviceName: s.name,
    url: providerLinkUrl(token),
    token,
    expiresAt: expiresAt.toISOString(),
  }));
}

/** The live link of a token (unknown, used or expired → token_invalid). */
export async function findLiveLink(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select({ link: resourceLinks, prefectureCode: resourceServices.prefectureCode })
    .from(resourceLinks)
    .innerJoin(resourceServices, eq(resourceServices.id, resourceLinks.serviceId))
    .where(
      and(
        eq(resourceLinks.id, tokenHash(token)),
        isNull(resourceLinks.usedAt),
        gt(resourceLinks.expiresAt, now),
      ),
    );
  if (!row) throw new AppError('token_invalid');
  return row;
}

/** Marks the link used (single use): a second, concurrent use finds nothing and is token_invalid. */
export async function consumeLink(tx: DbOrTx, token: string, now: Date) {
  const [row] = await tx
    .update(resourceLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(resourceLinks.id, tokenHash(token)),
        isNull(resourceLinks.usedAt),
        gt(resourceLinks.expiresAt, now),
      ),
    )
    .returning();
  if (!row) throw new AppError('token_invalid');
  return row;
}
