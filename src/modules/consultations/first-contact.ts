/**
 * Reads for first contact (escalation-rules.ts holds the rules): who can answer a municipality's requests today
 * — its active staff accounts, its current region and that region's active coordinators — and the notice to
 * the team a request reaches. An account is active when it is enabled and its invitation was accepted.
 */
import { and, eq, gte, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, regionMunicipalities, users } from '../../db/schema';
import type { SystemTextCode } from '../../shared/vocab/system-text';
import { notify } from '../notifications/notify';
import type { Responders } from './escalation-rules';
import { type TeamRow, teamUserIds } from './teams';

const activeUser = and(isNull(users.disabledAt), isNotNull(users.passwordHash));

/** Who can answer at the municipality and its current region, on `today`. */
export async function respondersOf(
  db: DbOrTx,
  prefectureCode: string,
  municipalityCode: string,
  today: string,
): Promise<Responders & { municipalityName: string }> {
  const [row] = await db
    .select({
      name: municipalities.name,
      staff: sql<number>`(select count(*) from ${users}
        where ${users.prefectureCode} = ${prefectureCode} and ${users.role} = 'municipal_staff'
          and ${users.scopeMunicipalityCode} = ${municipalityCode} and ${activeUser})::int`,
      regionId: sql<string | null>`(select ${regionMunicipalities.regionId} from ${regionMunicipalities}
        where ${and(
          eq(regionMunicipalities.municipalityCode, municipalityCode),
          lte(regionMunicipalities.validFrom, today),
          or(isNull(regionMunicipalities.validTo), gte(regionMunicipalities.validTo, today)),
        )} limit 1)`,
    })
    .from(municipalities)
    .where(and(eq(municipalities.code, municipalityCode), eq(municipalities.prefectureCode, prefectureCode)));
  const regionId = row?.regionId ?? null;
  let regionCoordinators = 0;
  if (regionId) {
    const [c] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(
        and(
          eq(users.prefectureCode, prefectureCode),
          eq(users.role, 'regional_coordinator'),
          eq(users.scopeRegionId, regionId),
          activeUser,
        ),
      );
    regionCoordinators = c?.n ?? 0;
  }
  return {
    municipalityName: row?.name ?? municipalityCode,
    municipalityStaff: row?.staff ?? 0,
    regionId,
    regionCoordinators,
  };
}

/** Tells a tier team a request reached it: a municipality through its shared inbox, other teams per user. */
export async function notifyTeamOfRequest(
  tx: DbOrTx,
  team: TeamRow,
  n: { code: SystemTextCode; consultationId: string; at: Date },
): Promise<void> {
  const base = {
    prefectureCode: team.prefectureCode,
    kind: n.code,
    text: { code: n.code },
    entityType: 'consultation',
    entityId: n.consultationId,
    at: n.at,
  };
  if (team.tier === 'municipality' && team.municipalityCode) {
    await notify(tx, { ...base, recipientMunicipalityCode: team.municipalityCode });
    return;
  }
  for (const userId of await teamUserIds(tx, team)) await notify(tx, { ...base, recipientUserId: userId });
}
