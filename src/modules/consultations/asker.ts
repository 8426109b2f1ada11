/**
 * Pure rule of intake about the asker: a municipality's division (母子保健・障害福祉・保育・教育・その他) is named
 * when, and only when, the asker is a municipality. Shared by the server and the intake screen.
 */
import type { AskerKind, MunicipalDivision } from '../../shared/vocab/consultations';

export type AskerIssue = { path: 'askerDivision'; message: string };

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
