import type { jaSurveyCensus } from '../ja/survey-census';

/** English strings: a municipal survey's count of children and the census (ME-3) (see ../en.ts). */
export const enSurveyCensus: Record<keyof typeof jaSurveyCensus, string> = {
  'sv.census.action': 'Counts of children for the census',
  'sv.census.addQuestion': 'Add the question “children with medical care you know of”',
  'sv.census.questionTitle': 'How many children with medical care does your municipality know of?',
  'sv.census.questionNote':
    'Each municipality’s answer to this question can be applied as its census source’s reported figure (answers through a personal link to a municipality only). It is answered as a whole number of zero or more.',
  'sv.census.title': '{title}: counts of children for the census',
  'sv.census.explain':
    'Apply the count each municipality gave through its personal link as the reported figure of its census source, for a school year. It is shown beside the children the linkage counted, and the gap is a lead for the feedback to the municipality. Nothing applies by itself.',
  'sv.census.nendo': 'School year',
  'sv.census.noQuestion':
    'This survey has no question about the children with medical care a municipality knows of (it cannot be used in an anonymous survey).',
  'sv.census.none': 'No answers through personal links to municipalities yet.',
  'sv.census.run': 'Linked counts are from the linkage run of {nendo} ({status}).',
  'sv.census.openRun': 'Open the run’s results',
  'sv.census.noRun': '{nendo} has no linkage results yet. Linked counts appear once the census is linked.',
  'sv.census.caption': 'Municipalities’ answers and the census ({nendo})',
  'sv.census.municipality': 'Municipality (respondent)',
  'sv.census.answer': 'Count answered',
  'sv.census.linked': 'Linked count',
  'sv.census.gap': 'Gap (linked − answered)',
  'sv.census.sources': 'Sources’ reported figures',
  'sv.census.applyCol': 'Apply',
  'sv.census.notAnswered': 'Not answered',
  'sv.census.notWhole': 'Not a usable count',
  'sv.census.noSource': 'No census source (add this municipality’s source on the census screen)',
  'sv.census.noFigure': '—',
  'sv.census.state.new': 'None yet',
  'sv.census.state.applied': 'This answer applied',
  'sv.census.state.differs': 'Another figure',
  'sv.census.target': 'Source for {municipality}',
  'sv.census.apply': 'Apply as reported figure',
  'sv.census.applyLabel': 'Apply {municipality}’s answer ({n}) as the reported figure',
  'sv.census.appliedDone': '{source} of {municipality} now reports {n}.',
  'census.reported.title': 'Compared with municipalities’ reported figures',
  'census.reported.intro':
    'The counts municipalities gave in a survey (reported figures) beside the children the linkage counted. Look into a gap with the feedback to the municipality (its discrepancy list).',
  'census.reported.caption': 'Linked count and reported figure by municipality',
  'census.reported.municipality': 'Municipality',
  'census.reported.linked': 'Linked count',
  'census.reported.reported': 'Reported figure',
  'census.reported.gap': 'Gap (linked − reported)',
  'census.reported.sources': 'Sources (applied on)',
  'census.reported.none':
    'No reported figures for this school year yet. Apply them from a municipal survey’s answers.',
} satisfies Record<keyof typeof jaSurveyCensus, string>;
