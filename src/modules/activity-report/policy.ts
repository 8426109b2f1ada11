import type { Role } from '../access/roles';

/**
 * Who may read a yearly activity report (pure; the web menu uses it too): the centre, auditors and regional
 * coordinators. Which area each reads is decided in scope.ts.
 */
export function readsActivityReport(role: Role): boolean {
  return (
    role === 'centre_admin' ||
    role === 'centre_staff' ||
    role === 'auditor' ||
    role === 'regional_coordinator'
  );
}
