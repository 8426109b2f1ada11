import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  consultationActions,
  consultations,
  files,
  libraryCaptions,
  libraryHandouts,
  libraryItems,
  libraryVersions,
} from '../db/schema';
import { isStale } from '../modules/library/policy';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { LIBRARY_SITUATIONS } from '../shared/vocab/library';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo library', () => {
  it('covers every situation with files, links and a captioned video, flags one stale item, hands two out', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-12-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 5, passwords: 'demo password for tests' },
      );
      const rows = await db.systemDb
        .select({ item: libraryItems, version: libraryVersions, file: files })
        .from(libraryItems)
        .innerJoin(libraryVersions, eq(libraryVersions.id, libraryItems.currentVersionId))
        .leftJoin(files, eq(files.id, libraryVersions.fileId));
      expect(rows).toHaveLength(11);
      for (const s of LIBRARY_SITUATIONS)
        expect(
          rows.some((r) => r.item.situations.includes(s)),
          s,
        ).toBe(true);
      expect(rows.filter((r) => r.item.visibility === 'staff').length).toBeGreaterThanOrEqual(3);
      expect(rows.filter((r) => r.item.visibility === 'public').length).toBeGreaterThanOrEqual(5);
      expect(rows.filter((r) => r.version.url).length).toBe(2);
      const types = new Set(rows.flatMap((r) => (r.file ? [r.file.contentType] : [])));
      expect(types).toEqual(new Set(['application/pdf', 'text/plain; charset=utf-8', 'video/webm']));
      // The explainer video plays with a Japanese caption track.
      const video = rows.find((r) => r.file?.contentType === 'video/webm')!;
      expect(video.item).toMatchObject({ kind: 'video', visibility: 'public' });
      const tracks = await db.systemDb
        .select({ c: libraryCaptions, file: files })
        .from(libraryCaptions)
        .innerJoin(files, eq(files.id, libraryCaptions.fileId));
      expect(tracks).toHaveLength(1);
      expect(tracks[0]!.c).toMatchObject({ versionId: video.version.id, language: 'ja' });
      expect(tracks[0]!.file.contentType).toBe('text/vtt; charset=utf-8');
      expect(rows.filter((r) => isStale(r.item.reviewedOn, '2026-12-01'))).toHaveLength(1);

      const handouts = await db.systemDb
        .select({ h: libraryHandouts, action: consultationActions, c: consultations })
        .from(libraryHandouts)
        .innerJoin(consultationActions, eq(consultationActions.id, libraryHandouts.actionId))
        .innerJoin(consultations, eq(consultations.id, libraryHandouts.consultationId));
      expect(handouts).toHaveLength(2);
      for (const { h, action, c } of handouts) {
        const item = rows.find((r) => r.item.id === h.itemId)!;
        expect(action.kind).toBe('document');
        expect(action.resourceText).toBe(item.item.title);
        expect(h.versionId).toBe(item.version.id);
        expect(c.closedAt).toBeNull();
        expect(h.at.getTime()).toBeGreaterThanOrEqual(c.openedAt.getTime());
      }
    } finally {
      await db.close();
    }
  }, 300_000);
});
