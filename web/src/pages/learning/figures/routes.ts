import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

export type TrainingFiguresSearch = { nendo?: number };

/** A 年度 in the address (?nendo=2026); anything else is the current 年度. */
export function parseTrainingFiguresSearch(raw: Record<string, unknown>): TrainingFiguresSearch {
  const n = Number(raw.nendo);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? { nendo: n } : {};
}

/** The training figures by 年度 (docs/learning.md §8). The page checks the role itself; the API decides. */
export function trainingFiguresRoutes<P extends AnyRoute>(parent: P) {
  const figures = createRoute({
    getParentRoute: () => parent,
    path: 'learning/figures',
    validateSearch: parseTrainingFiguresSearch,
    component: lazyRouteComponent(() => import('./TrainingFiguresPage'), 'TrainingFiguresPage'),
  });
  return [figures] as const;
}
