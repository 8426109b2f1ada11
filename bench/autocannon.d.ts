// The part of autocannon 8's programmatic API the load benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Builds each request; `context` is the connection's, kept until the request is answered. */
    setupRequest?: (req: Request & { headers: Record<string, string> }, context: object) => Request;
  };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    requests?: Request[];
    setupClient?: (client: EventEmitter) => void;
  };

  export type Result = {
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats?: Record<string, { count: number }>;
  };

  export type Instance = Promise<Result> &
    EventEmitter & {
      on(
        event: 'response',
        listener: (client: EventEmitter, statusCode: number, resBytes: number, responseTime: number) => void,
      ): Instance;
      stop(): void;
    };

  export default function autocannon(opts: Options): Instance;
}
