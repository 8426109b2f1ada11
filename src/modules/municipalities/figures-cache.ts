/**
 * What each server keeps of the municipality pages' heaviest reads (docs/municipal-support.md §1, "Under load").
 *
 * - **Figures** are counts over the registry, the consultations, the directory and the newest census run — the
 *   same kind of figures the home page keeps — so each server keeps them per scope, municipality and 年度 for a
 *   minute, and the page says how old they are ("… 時点"), as the home page does.
 * - **The prefecture view** is kept for as long as nothing was recorded in the prefecture's maturity history
 *   (its rows are only ever added, so the newest id says whether anything changed) and at most a minute, for
 *   what the history does not hold (a municipality moved to another region). An edit shows at once.
 */
import type { Nendo } from '../../shared/nendo';
import type { Actor } from '../access/actor';
import { seesWholePrefecture } from '../consultations/teams';
import { HOME_FIGURES_TTL_MS, homeFiguresKey } from '../home/figures-cache';
import type { MunicipalPolicy } from './policy';

export const MUNICIPAL_FIGURES_TTL_MS = HOME_FIGURES_TTL_MS;

/**
 * Everything a municipality's figures depend on besides the data: the reader's scope as the home figures key
 * holds it (role, prefecture, area, day), the municipality and the 年度 — and the reader, when the consultation
 * counts follow the reader's own teams (anyone who does not see the whole prefecture's consultations).
 */
export function municipalFiguresKey(actor: Actor, code: string, nendo: Nendo, today: string): string {
  return JSON.stringify([
    homeFiguresKey(actor, today),
    seesWholePrefecture(actor) ? null : actor.userId,
    code,
    nendo,
  ]);
}

/** The prefecture view's key: the reader's area and rights, the 年度 and the newest history entry's id. */
export function overviewKey(policy: MunicipalPolicy, nendo: Nendo, newestHistoryId: number | null): string {
  const area =
    policy.area.kind === 'regions'
      ? { ...policy.area, regionIds: [...policy.area.regionIds].sort() }
      : policy.area;
  return JSON.stringify([policy.prefectureCode, area, policy.edit, nendo, newestHistoryId]);
}
