import { SURVEY_STATUSES, type SurveyStatus } from '../../../../src/shared/vocab/surveys';

/** The survey list's search (address): the state shown. */
export type SurveySearch = { status?: SurveyStatus };

export function parseSurveySearch(raw: Record<string, unknown>): SurveySearch {
  const s = raw.status;
  return typeof s === 'string' && (SURVEY_STATUSES as readonly string[]).includes(s)
    ? { status: s as SurveyStatus }
    : {};
}

/** The results page's search: one region or one municipality, or the whole prefecture. */
export type ResultsSearch = { regionId?: string; municipalityCode?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseResultsSearch(raw: Record<string, unknown>): ResultsSearch {
  const out: ResultsSearch = {};
  if (typeof raw.regionId === 'string' && UUID.test(raw.regionId)) out.regionId = raw.regionId;
  const m = raw.municipalityCode;
  const code = typeof m === 'number' ? String(m).padStart(6, '0') : m;
  if (typeof code === 'string' && /^\d{6}$/.test(code)) out.municipalityCode = code;
  return out;
}
