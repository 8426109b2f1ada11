/**
 * Pure rule of intake about the asker: a municipality's division (母子保健・障害福祉・保育・教育・その他) is named
 * when, and only when, the asker is a municipality. Shared by the server and the intake screen.
 */
import type { AskerKind, MunicipalDivision } from '../../shared/vocab/consultations';

export type AskerIssue = { path: 'askerDivision' | 'askerOrganisationId'; message: string };

/** The problem with the division given for an asker, or null when it fits (bilingual message). */
export function askerDivisionIssue(
  askerKind: AskerKind,
  askerDivision: MunicipalDivision | null | undefined,
): AskerIssue | null {
  if (askerKind === 'municipality' && !askerDivision) {
    return {
      path: 'askerDivision',
      message: '相談してきた市町村の担当課を選んでください / Choose the municipal division that asked',
    };
  }
  if (askerKind !== 'municipality' && askerDivision) {
    return {
      path: 'askerDivision',
      message:
        '担当課は相談者が市町村のときだけ指定します / A division is given only when the asker is a municipality',
    };
  }
  return null;
}

/** Askers that are an organisation of the network (hospital, provider, school, nursery or another body). */
const ORGANISATION_ASKERS: readonly AskerKind[] = ['hospital', 'provider', 'school', 'nursery', 'other'];

/**
 * The problem with naming the organisation that asked, or null when it fits: a family or a municipality is not
 * an organisation of the network (a municipality names its division instead). The organisation is what the
 * learning module's follow-up figure counts: consultations later received from organisations it trained.
 */
export function askerOrganisationIssue(
  askerKind: AskerKind,
  organisationId: string | null | undefined,
): AskerIssue | null {
  if (organisationId && !ORGANISATION_ASKERS.includes(askerKind)) {
    return {
      path: 'askerOrganisationId',
      message:
        '相談してきた機関は、相談者が病院・事業所・学校・保育所・その他のときだけ指定します / The asking organisation is named only when the asker is a hospital, provider, school, nursery or other body',
    };
  }
  return null;
}
