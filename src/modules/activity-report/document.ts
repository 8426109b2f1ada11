/**
 * The report as a document: for each section its title, what it counts, its figures and its tables, each
 * figure named in both languages (src/shared/vocab/activity-report.ts and the owning modules' vocabularies).
 * The screen and the workbook print the same document.
 */

import {
  REPORT_FIGURE_LABELS as F,
  REPORT_SECTION_LABELS,
  REPORT_SECTION_NOTES,
  REPORT_SECTIONS,
  type ReportSection,
} from '../../shared/vocab/activity-report';
import { ASKER_KIND_LABELS, RESOLVED_TIER_LABELS, TIER_LABELS } from '../../shared/vocab/consultations';
import { COUNCIL_BODY_KIND_LABELS, COUNCIL_TIER_LABELS } from '../../shared/vocab/councils';
import { ENGAGEMENT_KIND_LABELS, ENGAGEMENT_KINDS } from '../../shared/vocab/engagements';
import type { Label, Labels } from '../../shared/vocab/label';
import { COURSE_KIND_LABELS, PROFESSION_GROUP_LABELS } from '../../shared/vocab/learning';
import { PROJECT_STAGE_LABELS, PROJECT_STAGES } from '../../shared/vocab/regional-issues';
import { LIFE_STAGE_LABELS } from '../../shared/vocab/registry';
import { AGE_BANDS } from '../census/results';
import type { ActivityReport } from './report';

export type FigureFormat = 'count' | 'percent' | 'hours';
export type DocRow = { key: string; label: Label; value: number | null; format: FigureFormat };
export type DocTable = { key: string; title: Label; rows: { key: string; label: Label; count: number }[] };
export type DocSection = {
  key: ReportSection;
  title: Label;
  note: Label;
  available: boolean;
  figures: DocRow[];
  tables: DocTable[];
};

const row = (key: keyof typeof F, value: number | null, format: FigureFormat = 'count'): DocRow => ({
  key,
  label: F[key],
  value,
  format,
});

function named(labels: Labels<string>, key: string): Label {
  return Object.hasOwn(labels, key) ? (labels as Record<string, Label>)[key]! : { ja: key, en: key };
}

const table = (
  key: keyof typeof F,
  rows: readonly { key: string; count: number; label?: Label }[],
  labels?: Labels<string>,
): DocTable => ({
  key,
  title: F[key],
  rows: rows.map((r) => ({
    key: r.key,
    label: r.label ?? (labels ? named(labels, r.key) : { ja: r.key, en: r.key }),
    count: r.count,
  })),
});

function sectionBody(
  r: ActivityReport,
  key: ReportSection,
): { figures: DocRow[]; tables: DocTable[] } | null {
  switch (key) {
    case 'consultations': {
      const s = r.consultations;
      if (!s.available) return null;
      return {
        figures: [
          row('received', s.received),
          row('closed', s.closed),
          row('open', s.open),
          row('municipalFirstContacts', s.municipalFirstContacts),
          row('municipalFirstShare', s.municipalFirstShare, 'percent'),
          row('handoffsAccepted', s.handoffsAccepted),
          row('handoffMedianHours', s.handoffMedianHours, 'hours'),
        ],
        tables: [
          table('byFirstTier', s.byFirstTier, TIER_LABELS),
          table('byResolvedTier', s.byResolvedTier, RESOLVED_TIER_LABELS),
          table('byAskerKind', s.byAskerKind, ASKER_KIND_LABELS),
        ],
      };
    }
    case 'trainings': {
      const s = r.trainings;
      if (!s.available) return null;
      return {
        figures: [
          row('sessions', s.sessions),
          row('participants', s.participants),
          row('attendees', s.attendees),
          row('attendanceDays', s.attendanceDays),
          row('completed', s.completed),
        ],
        tables: [
          table('byCourseKind', s.byCourseKind, COURSE_KIND_LABELS),
          table('byProfessionGroup', s.byProfessionGroup, PROFESSION_GROUP_LABELS),
        ],
      };
    }
    case 'engagements': {
      const s = r.engagements;
      if (!s.available) return null;
      const c = s.counts;
      return {
        figures: [row('municipalities', c.municipalities), row('goodExamples', c.goodExamples)],
        tables: [
          table(
            'engagementsByKind',
            ENGAGEMENT_KINDS.map((k) => ({ key: k, count: c[k] })),
            ENGAGEMENT_KIND_LABELS,
          ),
        ],
      };
    }
    case 'councils': {
      const s = r.councils;
      if (!s.available) return null;
      return {
        figures: [
          row('heldTotal', s.heldTotal),
          row('openActionItems', s.openActionItems),
          row('overdueActionItems', s.overdueActionItems),
        ],
        tables: [
          table(
            'heldByTier',
            Object.entries(s.heldByTier).map(([k, n]) => ({ key: k, count: n })),
            COUNCIL_TIER_LABELS,
          ),
          table('heldByKind', s.heldByKind, COUNCIL_BODY_KIND_LABELS),
        ],
      };
    }
    case 'issues': {
      const s = r.issues;
      if (!s.available) return null;
      return {
        figures: [
          row('raised', s.raised),
          row('carriedUp', s.carriedUp),
          row('toCouncil', s.toCouncil),
          row('proposed', s.proposed),
          row('answered', s.answered),
          row('toDevelopment', s.toDevelopment),
          row('openings', s.openings),
          row('openedPlaces', s.openedPlaces),
        ],
        tables: [
          table(
            'projectsByStage',
            PROJECT_STAGES.map((k) => ({ key: k, count: s.projectsByStage[k] ?? 0 })),
            PROJECT_STAGE_LABELS,
          ),
        ],
      };
    }
    case 'census': {
      const s = r.census;
      if (!s.available) return null;
      if (!s.published) return { figures: [row('censusNotPublished', null)], tables: [] };
      const lab = (x: { label: string; labelEn: string }) => ({ ja: x.label, en: x.labelEn });
      return {
        figures: [
          row('censusChildren', s.children),
          ...(s.change ? [row('changeNew', s.change.new), row('changeContinuing', s.change.continuing)] : []),
        ],
        tables: [
          table(
            'byRegion',
            s.byRegion.map((x) => ({ ...x, label: lab(x) })),
          ),
          ...(s.byAgeBand.length
            ? [
                table(
                  'byAgeBand',
                  s.byAgeBand.map((x) => ({
                    ...x,
                    label: lab(AGE_BANDS.find((b) => b.key === x.key) ?? x),
                  })),
                ),
              ]
            : []),
        ],
      };
    }
    case 'registry': {
      const s = r.registry;
      if (!s.available) return null;
      return {
        figures: [row('registryTotal', s.total)],
        tables: [table('byLifeStage', s.byLifeStage, LIFE_STAGE_LABELS)],
      };
    }
    case 'directory': {
      const s = r.directory;
      if (!s.available) return null;
      return {
        figures: [row('listed', s.listed), row('confirmed', s.confirmed), row('stale', s.stale)],
        tables: [],
      };
    }
  }
}

/** Every section in the report's order; an unavailable section has no figures. */
export function reportDocument(r: ActivityReport): DocSection[] {
  return REPORT_SECTIONS.map((key) => {
    const body = sectionBody(r, key);
    return {
      key,
      title: REPORT_SECTION_LABELS[key],
      note: REPORT_SECTION_NOTES[key],
      available: body !== null,
      figures: body?.figures ?? [],
      tables: body?.tables ?? [],
    };
  });
}
