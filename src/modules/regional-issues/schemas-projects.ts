import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { PROJECT_KINDS, PROJECT_STAGES, PROJECT_STATUSES } from '../../shared/vocab/regional-issues';
import { zDate, zVersion } from '../registry/schemas-write';

/** Requests and answers of the development project routes (routes-projects.ts; KA-3, KA-4). */

const zUuid = z.string().uuid();
const zLine = (max: number) => z.string().trim().max(max);
const zCode = z.string().regex(/^\d{6}$/);

export const ZProjectListQuery = z.object({
  status: z.enum([...PROJECT_STATUSES, 'all']).optional(),
  kind: z.enum(PROJECT_KINDS).optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
  regionId: zUuid.optional(),
  q: zLine(100).optional(),
});

const ZRef = z.object({ id: z.string(), name: z.string() });

export const ZProjectRow = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(PROJECT_KINDS),
  stage: z.enum(PROJECT_STAGES),
  status: z.enum(PROJECT_STATUSES),
  region: ZRef,
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  operator: z.string().nullable(),
  places: z.number().int().nullable(),
  stageOn: z.string().nullable(),
  openedOn: z.string().nullable(),
  ageDays: z.number().int(),
  owner: ZRef.nullable(),
  nextStep: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  listing: z.object({ id: z.string(), name: z.string(), organizationName: z.string() }).nullable(),
});

export const ZProjectList = z.object({ items: z.array(ZProjectRow), total: z.number().int() });

export const ZProject = ZProjectRow.extend({
  operatorOrganisationId: z.string().nullable(),
  operatorName: z.string().nullable(),
  advisedOn: z.string().nullable(),
  paperworkOn: z.string().nullable(),
  designatedOn: z.string().nullable(),
  stoppedOn: z.string().nullable(),
  note: z.string().nullable(),
  issue: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  version: z.number().int(),
  canManage: z.boolean(),
});

const projectFields = {
  title: zLine(120).min(1),
  kind: z.enum(PROJECT_KINDS),
  operatorOrganisationId: zUuid.nullable().optional(),
  operatorName: zLine(200).nullable().optional(),
  stage: z.enum(PROJECT_STAGES),
  advisedOn: zDate.nullable().optional(),
  paperworkOn: zDate.nullable().optional(),
  designatedOn: zDate.nullable().optional(),
  openedOn: zDate.nullable().optional(),
  places: z.number().int().min(0).max(10000).nullable().optional(),
  note: multilineText(4000).nullable().optional(),
  ownerUserId: zUuid.nullable().optional(),
  nextStep: zLine(200).nullable().optional(),
  nextStepOn: zDate.nullable().optional(),
};

export const ZCreateProjectRequest = z
  .object({
    ...projectFields,
    regionId: zUuid.optional(),
    municipalityCode: zCode.nullable().optional(),
    /** The issue it comes from: the issue ends with the outcome 「社会資源の開発へ」. */
    issueId: zUuid.optional(),
  })
  .strict();

export const ZUpdateProjectRequest = z
  .object({
    ...projectFields,
    version: zVersion,
    /** The directory listing (resources service) once the project has opened. */
    resourceServiceId: zUuid.nullable().optional(),
  })
  .partial({ title: true, kind: true, stage: true })
  .strict();

export const ZStopProjectRequest = z
  .object({ version: zVersion, stop: z.boolean(), note: multilineText(2000).optional() })
  .strict();

export const ZProjectFigures = z.object({
  /** Openings per 年度 (by the opening date), with places and by kind. */
  byNendo: z.array(
    z.object({
      nendo: z.number().int(),
      opened: z.number().int(),
      places: z.number().int(),
      byKind: z.record(z.string(), z.number().int()),
    }),
  ),
  /** Active projects by the stage reached. */
  byStage: z.record(z.string(), z.number().int()),
  stopped: z.number().int(),
});
