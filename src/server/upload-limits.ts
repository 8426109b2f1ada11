/** File uploads (census lists, open data of welfare offices) may be larger than other requests; only these paths accept them. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const UPLOAD_PATHS = [
  '/api/census/imports',
  '/api/resources/import',
  // A centre's places file: a prefecture's postal codes and 町字 run to several MB.
  '/api/resources/places/import',
  // E-learning media arrive in chunks of 8 MiB (learning/elearning/media-store.ts).
  '/api/learning/elearning/media',
] as const;

/**
 * Uploads streamed into the file store (decision 0025): no limit at the HTTP layer — the store counts the bytes
 * as they arrive and refuses past the kind's own limit (a library video may be 2 GiB, a form 50 MiB).
 */
export const STREAMED_UPLOAD_PATHS: readonly RegExp[] = [
  /^\/api\/library\/items\/[^/]+\/file$/,
  /^\/api\/councils\/meetings\/[^/]+\/materials$/,
  // A library video's caption track: read whole up to its own 1 MiB limit (library/routes-captions.ts).
  /^\/api\/library\/items\/[^/]+\/captions\/[^/]+$/,
];
