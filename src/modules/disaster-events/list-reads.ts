/**
 * The outage list and the shelters of an area as one shared read (decision 0033, src/server/shared-reads.ts): the
 * screens of the centre, the region and the municipality refresh the same list every minute, often at the same
 * moment; identical requests that arrive together are answered by one run of the list's statement, which starts
 * after each of them arrived, so none is older than the request it serves. The key names all the answer depends
 * on — the municipalities (already resolved within the reader's area), the outage start, the page, the event and,
 * under an event in force, the reader (whose openings name children for them alone). The hours of battery left
 * are counted to each request's own moment.
 */
import type { DbOrTx } from '../../db/client';
import { sharedReads } from '../../server/shared-reads';
import { atTime, type OutageList, type OutageQuery, outageList } from './outage';
import { type ShelterRow, sheltersFor } from './shelters';

export type OutageRead = { list: OutageList; shelters: ShelterRow[] };

export function outageReads(db: DbOrTx): (q: OutageQuery) => Promise<OutageRead> {
  const reads = sharedReads<OutageRead>();
  return async (q) => {
    const key = JSON.stringify([
      q.prefectureCode,
      q.codes,
      q.since.toISOString(),
      q.eventId,
      q.eventId ? q.userId : null,
      q.limit,
      q.childId ?? null,
    ]);
    const shared = await reads.read(key, async () => ({
      list: await outageList(db, q),
      shelters: await sheltersFor(db, q.prefectureCode, q.codes, null),
    }));
    return { list: atTime(shared.list, q.since, q.now), shelters: shared.shelters };
  };
}
