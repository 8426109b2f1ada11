import { ApiError } from './api';

/**
 * How the screens retry reads (decision 0015): twice, 0.5 s and then 1.5 s later, and only when the server could
 * not be reached or said it is briefly unavailable (502, 503, 504). Every other answer is final: a 4xx will not
 * change, and a 500 is a fault that retrying only repeats. Writes (mutations) are never retried automatically.
 */
export const READ_RETRY_DELAYS_MS = [500, 1500] as const;

/** Network failure (no answer) or a gateway / database briefly unavailable. */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || [502, 503, 504].includes(error.status));
}

/** TanStack Query's `retry`: `failureCount` is the failures so far, minus the one being handled (0 first). */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  return isTransient(error) && failureCount < READ_RETRY_DELAYS_MS.length;
}

/** TanStack Query's `retryDelay`. */
export function readRetryDelay(failureCount: number): number {
  return READ_RETRY_DELAYS_MS[Math.min(failureCount, READ_RETRY_DELAYS_MS.length - 1)] as number;
}
