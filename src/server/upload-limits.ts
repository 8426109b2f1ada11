/** File uploads (census lists, open data of welfare offices) may be larger than other requests; only these paths accept them. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const UPLOAD_PATHS = [
  '/api/census/imports',
  '/api/resources/import',
  // E-learning media arrive in chunks of 8 MiB (learning/elearning/media-store.ts).
  '/api/learning/elearning/media',
] as const;
