/** Helpers for the good-practice tests and the write probes: a valid story body and a story written via the API. */
import { eq } from 'drizzle-orm';
import { regionMunicipalities } from '../../db/schema';
import type { TestApp, TestClient } from '../../test/app';

/** The current region of a municipality (the test prefectures' regions are made per test file). */
export async function regionOf(t: TestApp, municipalityCode: string): Promise<string> {
  const [m] = await t.db.systemDb
    .select({ regionId: regionMunicipalities.regionId })
    .from(regionMunicipalities)
    .where(eq(regionMunicipalities.municipalityCode, municipalityCode));
  if (!m) throw new Error(`no region for ${municipalityCode}`);
  return m.regionId;
}

/** A valid, anonymised story for a place. */
export function storyBody(
  regionId: string,
  municipalityCode: string | null,
  extra: Record<string, unknown> = {},
) {
  return {
    title: '看護師のいない保育所が経管栄養の子を受け入れた',
    summary: '訪問看護の巡回と保育士の研修を組み合わせ、1歳児クラスで受け入れを始めた。',
    body: '## どんな状況だったか\n\n経管栄養の1歳児の入園希望があり、園に看護師がいなかった。\n\n## どう取り組んだか\n\n訪問看護ステーションが昼の注入に巡回し、保育士は研修を受けた。',
    topics: ['childcare', 'medical_care'],
    lifeElements: ['childcare'],
    requests: ['case_advice'],
    municipalActions: ['service_arranged'],
    lifeStages: ['infant'],
    careItems: ['tube_feeding_gastric'],
    regionId,
    municipalityCode,
    solverText: '市の保育課と訪問看護ステーション',
    solvedOn: '2026-04-01',
    ...extra,
  };
}

/** Writes a story as the client and returns it. */
export async function storyVia(
  client: TestClient,
  regionId: string,
  municipalityCode: string | null,
  extra: Record<string, unknown> = {},
) {
  const res = await client.post('/api/good-practices', storyBody(regionId, municipalityCode, extra));
  if (res.status !== 201) throw new Error(`story: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; [k: string]: unknown };
}

/** The statements a checker confirms. */
export const ALL_CONFIRMATIONS = ['no_names', 'no_birth_dates', 'no_addresses', 'no_contacts'];

/** Writes, checks (by a second client) and publishes a story; returns its id. */
export async function publishedStoryVia(
  author: TestClient,
  checker: TestClient,
  regionId: string,
  municipalityCode: string | null,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const s = await storyVia(author, regionId, municipalityCode, extra);
  const checked = await checker.post(`/api/good-practices/${s.id}/check`, {
    version: s.version,
    confirmations: ALL_CONFIRMATIONS,
    acknowledgedFlags: [],
  });
  if (checked.status !== 200) throw new Error(`check: ${checked.status} ${JSON.stringify(checked.body)}`);
  const pub = await author.post(`/api/good-practices/${s.id}/publish`, { version: checked.body.version });
  if (pub.status !== 200) throw new Error(`publish: ${pub.status} ${JSON.stringify(pub.body)}`);
  return s.id;
}
