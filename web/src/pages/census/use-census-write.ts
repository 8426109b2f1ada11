import { useSession } from '../../lib/queries/auth';
import { censusAccessOf, censusOwnListOf } from '../../lib/queries/census';

/** True when the signed-in role may change census data (auditors only read; the API enforces it too). */
export function useCensusWrite(): boolean {
  const { data } = useSession();
  const role = data?.user?.role;
  return role !== undefined && censusAccessOf(role) === 'write';
}

/** True when the signed-in role keeps its own municipality's list only (municipal staff). */
export function useCensusOwnList(): boolean {
  const { data } = useSession();
  const role = data?.user?.role;
  return role !== undefined && censusAccessOf(role) === 'none' && censusOwnListOf(role);
}
