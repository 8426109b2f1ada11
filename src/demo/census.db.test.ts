import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { censusImports, censusRuns } from '../db/schema';
import { createTestApp } from '../test/app';
import { signedInUser } from '../test/sign-in';
import { seedDemo } from './seed';

describe('demo census', () => {
  it("gives the demo municipality's staff their own upload and discrepancies once the queued run is linked", async () => {
    const t = await createTestApp();
    try {
      await seedDemo(t.deps, { children: 400, passwords: 'demo password for tests' });
      const imports = await t.db.systemDb.select().from(censusImports);
      expect(imports).toHaveLength(2);
      expect(imports.find((i) => i.rejectedCount === 1)).toMatchObject({ status: 'imported' });
      await t.deps.jobs.drain();
      const [run] = await t.db.systemDb.select().from(censusRuns).where(eq(censusRuns.prefectureCode, '14'));
      expect(run).toMatchObject({ status: 'linked' });
      expect(run!.breakdown!.records).toBe(run!.recordCount);

      const municipal = (
        await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' })
      ).client;
      const own = await municipal.get(`/api/census/imports?nendo=${run!.nendo}`);
      expect(own.body.items).toHaveLength(1);
      expect(own.body.items[0]).toMatchObject({ rejectedCount: 1, sourceType: 'disability_welfare' });
      const summary = await municipal.get(`/api/census/runs/${run!.id}/discrepancies`);
      expect(summary.body.municipalities).toHaveLength(1);
      const mine = summary.body.municipalities[0];
      expect(mine.code).toBe('142051');
      expect(mine.missing + mine.conflicts).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  }, 240_000);
});
