/**
 * The user administration's write operations naming an account (write-probes.ts explains the classification):
 * its change and its actions.
 */
import { on, type Probe, v } from './write-probe-kit';

export const USER_PROBES: Record<string, Probe> = {
  'PATCH /api/admin/users/{id}': on('users', (i) => `/api/admin/users/${i.user}`, {
    version: v,
    displayName: 'x',
  }),
  ...Object.fromEntries(
    ['disable', 'enable', 'reset-totp', 'unlock', 'reset-password', 'resend-invitation'].map((a) => [
      `POST /api/admin/users/{id}/${a}`,
      on('users', (i) => `/api/admin/users/${i.user}/${a}`),
    ]),
  ),
};
