import { z } from '@hono/zod-openapi';
import { SYSTEM_TEXT_CODES } from '../shared/vocab/system-text';

/**
 * A text the system wrote into a record, as the API answers it: a code and its parameters, which the reader's
 * screen renders in its language (src/shared/vocab/system-text.ts).
 */
export const ZSystemText = z
  .object({
    code: z.enum(SYSTEM_TEXT_CODES),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .openapi('SystemText', {
    description: 'A system-written text as a code with parameters, rendered in the reader’s language',
    example: { code: 'registration_consent', params: { receiptNo: 'R-20261206-7Q2K' } },
  });
