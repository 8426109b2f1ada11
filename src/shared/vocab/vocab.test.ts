import { describe, expect, it } from 'vitest';
import { CARE_ITEMS } from '../care-score';
import * as audit from './audit';
import { CARE_ITEM_CODES, CARE_ITEM_SHORT_LABELS, careItemLabel } from './care-items';
import * as census from './census';
import * as consultations from './consultations';
import * as goodPractices from './good-practices';
import { isCode, type Label, labelOf } from './label';
import * as learning from './learning';
import * as learningElearning from './learning-elearning';
import * as learningLearners from './learning-learners';
import * as learningRequests from './learning-requests';
import * as learningRoster from './learning-roster';
import * as learningSelection from './learning-selection';
import * as municipalities from './municipalities';
import * as network from './network';
import * as regionalIssues from './regional-issues';
import * as registry from './registry';
import * as resources from './resources';
import * as roles from './roles';

/** Every vocabulary: its codes and their labels (codes beyond the tuple are named, e.g. census `registry`). */
const VOCABULARIES: [string, readonly string[], Record<string, Label>][] = [
  ['roles', roles.ROLES, roles.ROLE_LABELS],
  ['audit actions', audit.AUDIT_ACTIONS, audit.AUDIT_ACTION_LABELS],
  ['organisation kinds', network.ORGANISATION_KINDS, network.ORGANISATION_KIND_LABELS],
  ['divisions', network.DIVISIONS, network.DIVISION_LABELS],
  ['coordinator tiers', network.COORDINATOR_TIERS, network.COORDINATOR_TIER_LABELS],
  ['child statuses', registry.CHILD_STATUSES, registry.CHILD_STATUS_LABELS],
  ['sexes', registry.SEXES, registry.SEX_LABELS],
  ['life stages', registry.LIFE_STAGES, registry.LIFE_STAGE_LABELS],
  ['device kinds', registry.DEVICE_KINDS, registry.DEVICE_KIND_LABELS],
  ['affiliation kinds', registry.AFFILIATION_KINDS, registry.AFFILIATION_KIND_LABELS],
  ['handbook kinds', registry.HANDBOOK_KINDS, registry.HANDBOOK_KIND_LABELS],
  ['care team roles', registry.CARE_TEAM_ROLES, registry.CARE_TEAM_ROLE_LABELS],
  ['consent purposes', registry.CONSENT_PURPOSES, registry.CONSENT_PURPOSE_LABELS],
  ['consent methods', registry.CONSENT_METHODS, registry.CONSENT_METHOD_LABELS],
  ['registration statuses', registry.REGISTRATION_STATUSES, registry.REGISTRATION_STATUS_LABELS],
  ['census source types', [...census.SOURCE_TYPES, 'registry'], census.SOURCE_TYPE_LABELS],
  ['census fields', census.CENSUS_FIELDS, census.CENSUS_FIELD_LABELS],
  ['asker kinds', consultations.ASKER_KINDS, consultations.ASKER_KIND_LABELS],
  ['municipal divisions', consultations.MUNICIPAL_DIVISIONS, consultations.MUNICIPAL_DIVISION_LABELS],
  ['channels', consultations.CHANNELS, consultations.CHANNEL_LABELS],
  ['topics', consultations.TOPICS, consultations.TOPIC_LABELS],
  ['urgencies', consultations.URGENCIES, consultations.URGENCY_LABELS],
  ['tiers', consultations.TIERS, consultations.TIER_LABELS],
  ['resolved tiers', [...consultations.TIERS, 'open'], consultations.RESOLVED_TIER_LABELS],
  ['action kinds', consultations.ACTION_KINDS, consultations.ACTION_KIND_LABELS],
  ['outcomes', consultations.OUTCOMES, consultations.OUTCOME_LABELS],
  ['service types', resources.SERVICE_TYPES, resources.SERVICE_TYPE_LABELS],
  ['service statuses', resources.SERVICE_STATUSES, resources.SERVICE_STATUS_LABELS],
  ['acceptances', resources.ACCEPTANCES, resources.ACCEPTANCE_LABELS],
  ['weekdays', resources.WEEKDAYS, resources.WEEKDAY_LABELS],
  ['bottleneck kinds', resources.BOTTLENECK_KINDS, resources.BOTTLENECK_KIND_LABELS],
  ['gap levels', resources.GAP_LEVELS, resources.GAP_LEVEL_LABELS],
  ['gap needs', resources.GAP_NEEDS, resources.GAP_NEED_LABELS],
  ['care items (short names)', CARE_ITEM_CODES, CARE_ITEM_SHORT_LABELS],
  ['course kinds', learning.COURSE_KINDS, learning.COURSE_KIND_LABELS],
  ['professions', learning.PROFESSIONS, learning.PROFESSION_LABELS],
  ['profession groups', learning.PROFESSION_GROUPS, learning.PROFESSION_GROUP_LABELS],
  ['course part kinds', learning.COURSE_PART_KINDS, learning.COURSE_PART_KIND_LABELS],
  ['delivery modes', learning.DELIVERY_MODES, learning.DELIVERY_MODE_LABELS],
  ['session statuses', learning.SESSION_STATUSES, learning.SESSION_STATUS_LABELS],
  ['application statuses', learning.APPLICATION_STATUSES, learning.APPLICATION_STATUS_LABELS],
  ['selection reasons', learningSelection.SELECTION_REASONS, learningSelection.SELECTION_REASON_LABELS],
  ['maturity items', municipalities.MATURITY_ITEMS, municipalities.MATURITY_ITEM_LABELS],
  ['maturity items (short)', municipalities.MATURITY_ITEMS, municipalities.MATURITY_ITEM_SHORT_LABELS],
  ['maturity options', municipalities.ALL_MATURITY_OPTIONS, municipalities.MATURITY_OPTION_LABELS],
  ['fact sources', municipalities.FACT_SOURCES, municipalities.FACT_SOURCE_LABELS],
  ['maturity bands', municipalities.MATURITY_BANDS, municipalities.MATURITY_BAND_LABELS],
  ...municipalities.MATURITY_ITEMS.map((item): [string, readonly string[], Record<string, Label>] => [
    `maturity statuses of ${item}`,
    municipalities.MATURITY_STATUSES[item],
    municipalities.MATURITY_STATUS_LABELS[item],
  ]),
  ['request statuses', learningRequests.REQUEST_STATUSES, learningRequests.REQUEST_STATUS_LABELS],
  ['requester kinds', learningRequests.REQUESTER_KINDS, learningRequests.REQUESTER_KIND_LABELS],
  ['request sources', learningRequests.REQUEST_SOURCES, learningRequests.REQUEST_SOURCE_LABELS],
  ['request entry kinds', learningRequests.REQUEST_ENTRY_KINDS, learningRequests.REQUEST_ENTRY_KIND_LABELS],
  ['request sides', learningRequests.REQUEST_SIDES, learningRequests.REQUEST_SIDE_LABELS],
  ['sign-up statuses', learningLearners.SIGN_UP_STATUSES, learningLearners.SIGN_UP_STATUS_LABELS],
  [
    'sign-up confirmations',
    learningLearners.SIGN_UP_CONFIRMATIONS,
    learningLearners.SIGN_UP_CONFIRMATION_LABELS,
  ],
  ['invite row outcomes', learningLearners.INVITE_ROW_OUTCOMES, learningLearners.INVITE_ROW_OUTCOME_LABELS],
  ['e-learning media kinds', learningElearning.MEDIA_KINDS, learningElearning.MEDIA_KIND_LABELS],
  ['e-learning media statuses', learningElearning.MEDIA_STATUSES, learningElearning.MEDIA_STATUS_LABELS],
  ['caption languages', learningElearning.CAPTION_LANGUAGES, learningElearning.CAPTION_LANGUAGE_LABELS],
  ['quiz question kinds', learningElearning.QUESTION_KINDS, learningElearning.QUESTION_KIND_LABELS],
  ['quiz attempt statuses', learningElearning.ATTEMPT_STATUSES, learningElearning.ATTEMPT_STATUS_LABELS],
  ['supervise expertise', learningRoster.SUPERVISE_EXPERTISE, learningRoster.SUPERVISE_EXPERTISE_LABELS],
  ['coordinator activity', learningRoster.COORDINATOR_ACTIVITY, learningRoster.COORDINATOR_ACTIVITY_LABELS],
  ['issue levels', regionalIssues.ISSUE_LEVELS, regionalIssues.ISSUE_LEVEL_LABELS],
  ['issue statuses', regionalIssues.ISSUE_STATUSES, regionalIssues.ISSUE_STATUS_LABELS],
  ['issue sources', regionalIssues.ISSUE_SOURCE_KINDS, regionalIssues.ISSUE_SOURCE_KIND_LABELS],
  ['issue outcomes', regionalIssues.ISSUE_OUTCOMES, regionalIssues.ISSUE_OUTCOME_LABELS],
  ['issue history kinds', regionalIssues.ISSUE_EVENT_KINDS, regionalIssues.ISSUE_EVENT_KIND_LABELS],
  ['development project kinds', regionalIssues.PROJECT_KINDS, regionalIssues.PROJECT_KIND_LABELS],
  ['development project stages', regionalIssues.PROJECT_STAGES, regionalIssues.PROJECT_STAGE_LABELS],
  ['development project statuses', regionalIssues.PROJECT_STATUSES, regionalIssues.PROJECT_STATUS_LABELS],
  ['good-practice statuses', goodPractices.GOOD_PRACTICE_STATUSES, goodPractices.GOOD_PRACTICE_STATUS_LABELS],
  [
    'good-practice sources',
    goodPractices.GOOD_PRACTICE_SOURCE_KINDS,
    goodPractices.GOOD_PRACTICE_SOURCE_KIND_LABELS,
  ],
  ['personal-data findings', goodPractices.PERSONAL_DATA_FLAG_KINDS, goodPractices.PERSONAL_DATA_FLAG_LABELS],
  [
    'good-practice confirmations',
    goodPractices.GOOD_PRACTICE_CONFIRMATIONS,
    goodPractices.GOOD_PRACTICE_CONFIRMATION_LABELS,
  ],
];

describe('vocabularies', () => {
  it.each(VOCABULARIES)('%s: codes are unique and each has exactly one label', (_, codes, labels) => {
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
  });

  it.each(VOCABULARIES)(
    '%s: labels are written out and tell every code apart in each language',
    (_, codes, labels) => {
      for (const lang of ['ja', 'en'] as const) {
        const names = codes.map((c) => labels[c]?.[lang] ?? '');
        for (const [i, name] of names.entries()) {
          expect(name.trim(), `${codes[i]} ${lang}`).not.toBe('');
          expect(name, `${codes[i]} ${lang} is a code, not a label`).not.toBe(codes[i]);
        }
        expect(new Set(names).size, `${lang}: ${names.join(' / ')}`).toBe(names.length);
      }
    },
  );

  it('names the care items of the score table by short names that do not repeat (経管栄養 three times would)', () => {
    expect(CARE_ITEM_CODES).toEqual(CARE_ITEMS.map((i) => i.code));
    expect(careItemLabel('tube_feeding_gastric', 'ja')).not.toBe(careItemLabel('feeding_pump', 'ja'));
    expect(careItemLabel('ventilator', 'ja', true)).toBe(CARE_ITEMS.find((i) => i.code === 'ventilator')?.ja);
    expect(careItemLabel('not_an_item', 'en')).toBe('not_an_item');
  });

  it('reads a label by language and shows an unknown code as itself', () => {
    expect(labelOf(registry.SEX_LABELS, 'female', 'ja')).toBe('女');
    expect(labelOf(registry.SEX_LABELS, 'female', 'en')).toBe('Female');
    expect(labelOf(registry.SEX_LABELS, 'x', 'ja')).toBe('x');
    expect(labelOf(registry.SEX_LABELS, 'toString', 'ja')).toBe('toString');
    expect(isCode(registry.SEXES, 'male')).toBe(true);
    expect(isCode(registry.SEXES, 'toString')).toBe(false);
    expect(isCode(registry.SEXES, 1)).toBe(false);
  });
});
