/** A probe of the write part of the endpoint matrix: who owns the record, and the request naming it. */
import type { Group } from './write-probes';
import type { RecordIds } from './write-world';

export type Probe = { group: Group; req: (i: RecordIds) => { path: string; body?: unknown } };

/** The version sent with a change: any number, the id decides the answer first. */
export const v = 1;

/** A probe of a record of the group at the path, with the body. */
export const on = (group: Group, path: (i: RecordIds) => string, body?: unknown): Probe => ({
  group,
  req: (i) => ({ path: path(i), body }),
});
