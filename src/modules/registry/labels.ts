/**
 * The registry's coded values and their names live in src/shared/vocab/registry.ts; the export reads them here
 * under the names it has always used.
 */

export type { Label } from '../../shared/vocab/label';
export {
  CHILD_STATUS_LABELS as STATUS_LABELS,
  LIFE_STAGE_LABELS,
  SEX_LABELS,
} from '../../shared/vocab/registry';
