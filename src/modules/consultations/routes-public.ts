/**
 * The public consultation request form (no sign-in): POST /api/public/consultations. Like the registration
 * form (decision 0006): 64 KiB body limit, rate limits per client address and for the deployment (in the
 * database), a honeypot, and always a receipt number — the answer never depends on what the centre holds.
 * A request lands in the queue of the team of the municipality chosen (MI-1, KU-7: first-line work sits with
 * municipalities), as an online-form consultation about an unregistered or unnamed child — or, when that
 * municipality has no active staff account, with its region's coordinators, else the centre, the reason kept
 * on the case (MI-8: first contact never strands a family; escalation-rules.ts). It is due the next working day.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { consultations } from '../../db/schema';
import { pgErrorCode } from '../../server/constraint-errors';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, moduleRouter } from '../../server/openapi';
import { sharedFormLimit } from '../../server/rate-limit';
import { multilineText } from '../../server/text-fields';
import { isoDateInJapan } from '../../shared/dates';
import { TOPICS, URGENCIES } from '../../shared/vocab/consultations';
import { recordAudit } from '../audit/record';
import { calendarOf } from '../calendar/calendar';
import { mailFamilyAcknowledgement } from '../mail/family-mail';
import { bilingualIssue, bilingualIssues, MSG } from '../registrations/issues';
import { servedPrefectureOf } from '../registrations/options';
import { newReceiptNo } from '../registrations/receipt';
import { refreshDueOn } from './access';
import { firstAnswerDue, routeFirstContact } from './escalation-rules';
import { notifyTeamOfRequest, respondersOf } from './first-contact';
import { searchTextOf } from './policy';
import { subjectFrom } from './subject';
import { ensureTeam } from './teams';

export const MAX_CONSULTATION_REQUEST_BYTES = 64 * 1024;
export const CONSULTATION_RATE_LIMITS = {
  perIp: { limit: 5, windowMs: 3_600_000 },
  global: { limit: 30, windowMs: 60_000 },
};

/** Who may ask through the form (a municipality asks its coordinator directly, not through the public form). */
const PUBLIC_ASKER_KINDS = ['family', 'hospital', 'provider', 'school', 'nursery', 'other'] as const;

export const ZSubmitConsultationRequest = z
  .object({
    municipalityCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, MSG.municipalityCode),
    askerKind: z.enum(PUBLIC_ASKER_KINDS),
    name: z.string().trim().min(1, MSG.required).max(100),
    phone: z.string().trim().max(30).optional(),
    email: z
      .string()
      .trim()
      .max(254)
      .optional()
      .refine((v) => !v || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), MSG.email),
    childDescription: multilineText(1000).optional(),
    topics: z.array(z.enum(TOPICS)).min(1).max(TOPICS.length),
    urgency: z.enum(URGENCIES).default('normal'),
    narrative: multilineText(4000).min(1, MSG.required),
    /** The form's language: the acknowledgement's and staff's replies' (mail on, with an address). */
    locale: z.enum(['ja', 'en']).optional(),
    website: z.string().max(2000).optional().openapi({ description: 'Leave empty (spam trap).' }),
  })
  .strict();

export const ZSubmitConsultationResponse = z.object({ receiptNo: z.string() });

function honeypotFilled(raw: unknown): boolean {
  const website = (raw as { website?: unknown } | null)?.website;
  return website !== undefined && website !== null && website !== '';
}

/** A receipt number of the consultation form: 'C-' + date in Japan + 5 characters (see registrations/receipt). */
export function newConsultationReceiptNo(at: Date): string {
  return `C-${newReceiptNo(at).slice(2)}`;
}

export function publicConsultationRoutes(deps: Deps) {
  const r = moduleRouter();
  const errorContent = ERROR_RESPONSES[400].content;

  const fakeReceipt = (c: Context<AppEnv>) => {
    c.get('log').warn({ ip: c.get('meta').ip }, 'consultation honeypot filled: request dropped');
    return c.json({ receiptNo: newConsultationReceiptNo(deps.now()) }, 201);
  };
  const limitSize = bodyLimit({
    maxSize: MAX_CONSULTATION_REQUEST_BYTES,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  });
  // Shared by every server (a request reaches a municipality's queue), behind a free per-server check.
  const limitRate = sharedFormLimit(deps, 'consultation', CONSULTATION_RATE_LIMITS);
  const hook = async (
    result: { success: boolean; data?: unknown; error?: z.ZodError },
    c: Context<AppEnv>,
  ): Promise<Response | undefined> => {
    if (honeypotFilled(result.data)) return fakeReceipt(c);
    if (!result.success) {
      const again = ZSubmitConsultationRequest.safeParse(result.data, { reportInput: true });
      const issues = again.success ? (result.error?.issues ?? []) : again.error.issues;
      throw new AppError('validation_failed', { issues: bilingualIssues(issues) });
    }
    return undefined;
  };

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['public'],
      summary: 'Ask for a consultation / 相談の申し込み（市町村の窓口に届く）',
      description:
        'Always answers 201 with a receipt number when the form is valid. Invalid input answers 400 with ' +
        `issues in Japanese and English; a body over ${MAX_CONSULTATION_REQUEST_BYTES} bytes 413; too many 429.`,
      middleware: [limitSize, limitRate] as const,
      request: { body: jsonBody(ZSubmitConsultationRequest) },
      responses: {
        201: {
          description: 'Received / 受付',
          content: { 'application/json': { schema: ZSubmitConsultationResponse } },
        },
        400: ERROR_RESPONSES[400],
        413: { description: 'Too large / 大きすぎる', content: errorContent },
        429: { description: 'Too many requests / リクエスト過多', content: errorContent },
      },
    }),
    async (c) => {
      const form = c.req.valid('json');
      if (honeypotFilled(form)) return fakeReceipt(c);
      const prefectureCode = await servedPrefectureOf(deps.db.systemDb, form.municipalityCode);
      if (!prefectureCode) {
        throw new AppError('validation_failed', {
          issues: [
            bilingualIssue('municipalityCode', {
              ja: 'この市区町村はこの窓口の対象外です。お住まいの都道府県の医療的ケア児支援センターにご相談ください。',
              en: 'This municipality is not served here. Contact the support centre of your prefecture.',
            }),
          ],
        });
      }
      const at = deps.now();
      const contact = [form.name, form.phone, form.email].filter(Boolean).join(' / ');
      for (let attempt = 1; ; attempt++) {
        const receiptNo = newConsultationReceiptNo(at);
        try {
          await deps.db.systemDb.transaction(async (tx) => {
            const today = isoDateInJapan(at);
            const cal = await calendarOf(tx, prefectureCode);
            const responders = await respondersOf(tx, prefectureCode, form.municipalityCode, today);
            const route = routeFirstContact(responders, responders.municipalityName);
            const team = await ensureTeam(
              tx,
              prefectureCode,
              route.to.tier === 'municipality'
                ? { tier: 'municipality', municipalityCode: form.municipalityCode }
                : route.to,
            );
            const [row] = await tx
              .insert(consultations)
              .values({
                prefectureCode,
                ownerTeamId: team.id,
                ownerTier: team.tier,
                firstTeamId: team.id,
                firstTier: team.tier,
                municipalityCode: form.municipalityCode,
                askerKind: form.askerKind,
                askerContact: contact,
                channel: 'online_form',
                childKind: form.childDescription ? 'unregistered' : 'anonymous',
                childDescription: form.childDescription || null,
                topics: [...new Set(form.topics)],
                urgency: form.urgency,
                // A family writes no subject: the first sentence stands for it until staff name the case.
                subject: subjectFrom(form.narrative, form.topics),
                narrative: form.narrative,
                searchText: searchTextOf(form.narrative),
                openedAt: at,
                openedOn: isoDateInJapan(at),
                // A request from a family is answered soon: it is due the next working day (shared/working-days.ts).
                nextActionOn: firstAnswerDue(today, cal),
                source: 'public_form',
                routingReason: route.reason,
                receiptNo,
                askerEmail: form.email || null,
                askerLocale: form.email ? (form.locale ?? 'ja') : null,
                createdAt: at,
                updatedAt: at,
              })
              .returning({ id: consultations.id });
            await refreshDueOn(tx, row!.id);
            await recordAudit(
              tx,
              { actor: null, meta: c.get('meta'), at },
              {
                action: 'create',
                entityType: 'consultation',
                entityIds: [row!.id],
                prefectureCode,
                detail: { receiptNo, source: 'public_form' },
              },
            );
            await notifyTeamOfRequest(tx, team, {
              code: 'consultation_public_request',
              consultationId: row!.id,
              at,
            });
            // The acknowledgement to the address the family left (mail on; decision 0032).
            await mailFamilyAcknowledgement(
              tx,
              deps.config.mail,
              {
                prefectureCode,
                email: form.email,
                name: form.name,
                locale: form.locale,
                form: 'consultation',
                receiptNo,
              },
              at,
            );
          });
          return c.json({ receiptNo }, 201);
        } catch (err) {
          if (pgErrorCode(err) !== '23505' || attempt >= 3) throw err;
        }
      }
    },
    hook as never,
  );

  return r;
}
