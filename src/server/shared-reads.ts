/**
 * Shared reads (decision 0033): identical reads that arrive together run once and all get its answer, and no
 * answer is older than the request it serves. A read that finds no run of its key in progress starts one at once;
 * one that arrives while a run is in progress waits for the next run, which starts when the current one ends and
 * serves everyone who arrived in the meantime. So each run starts after every request it serves arrived: it sees
 * every change committed before those requests were sent, exactly as a run of its own would — a user who records
 * something and then reads again sees it, on this server or any other — while eight screens refreshing the same
 * list at the same moment cost two runs instead of eight.
 *
 * Nothing is kept once a run has been handed out (this is not a cache: the map holds only runs in progress or
 * waiting). A run that fails fails the requests it serves; the next arrival starts afresh. The key must name
 * everything the answer depends on (area, time, reader where the answer differs by reader), and the answer is
 * shared between requests, so callers must not change it.
 */
type Slot<T> = {
  /** The run in progress. */
  running: Promise<T>;
  /** The run that starts when `running` ends, for the requests that arrived while it was in progress. */
  next: Promise<T> | null;
};

export type SharedReads<T> = {
  read(key: string, run: () => Promise<T>): Promise<T>;
  /** Keys with a run in progress (for tests: nothing stays once answered). */
  readonly size: number;
};

export function sharedReads<T>(): SharedReads<T> {
  const slots = new Map<string, Slot<T>>();

  function start(key: string, run: () => Promise<T>): Promise<T> {
    const running = run();
    const slot: Slot<T> = { running, next: null };
    slots.set(key, slot);
    // When this run ends, the waiting requests' run (if any) takes its place; otherwise the key is free.
    const settle = () => {
      if (slots.get(key) !== slot) return;
      if (!slot.next) slots.delete(key);
    };
    running.then(settle, settle);
    return running;
  }

  function queue(key: string, slot: Slot<T>, run: () => Promise<T>): Promise<T> {
    const after = slot.running.then(
      () => undefined,
      () => undefined,
    );
    const next = after.then(() => {
      // Started only now, after every request that joined it arrived.
      slots.delete(key);
      return start(key, run);
    });
    slot.next = next;
    return next;
  }

  return {
    read(key, run) {
      const slot = slots.get(key);
      if (!slot) return start(key, run);
      return slot.next ?? queue(key, slot, run);
    },
    get size() {
      return slots.size;
    },
  };
}
