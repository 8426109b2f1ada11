import type pg from 'pg';

type Query = (...args: unknown[]) => unknown;

/**
 * One statement at a time on a server connection, in the order they were asked for.
 *
 * A transaction holds one connection, and a module may start several of its reads at once inside it
 * (`Promise.all` over `tx`). pg queues such statements on the connection itself, but warns that the queue is
 * deprecated and will be removed in pg@9 ("Calling client.query() when the client is already executing a
 * query"). This keeps the same order and outcome without it: each statement is sent when the one before it has
 * settled, whether it succeeded or failed (a failed statement aborts the transaction, and the statements after it
 * then fail as the server says, as before). Applied to every connection the pool opens (db/client.ts).
 */
export function serialiseQueries(client: pg.ClientBase): void {
  const query = client.query.bind(client) as Query;
  let tail: Promise<unknown> = Promise.resolve();
  const serial: Query = (...args) => {
    const first = args[0] as { submit?: unknown } | null | undefined;
    // A Submittable (a cursor, a stream) is driven by its caller: pg keeps it apart from this.
    if (first && typeof first.submit === 'function') return query(...args);
    const callback = args[args.length - 1];
    if (typeof callback === 'function') {
      // The callback form, as pool.query() uses it: answers through the callback, returns nothing.
      const rest = args.slice(0, -1);
      tail = tail.then(
        () =>
          new Promise<void>((settled) => {
            const answer = (...result: unknown[]) => {
              settled();
              (callback as (...r: unknown[]) => void)(...result);
            };
            try {
              query(...rest, answer);
            } catch (err) {
              answer(err);
            }
          }),
      );
      return undefined;
    }
    const run = tail.then(() => query(...args));
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  (client as unknown as { query: Query }).query = serial;
}
