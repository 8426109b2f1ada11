import { z } from '@hono/zod-openapi';
import {
  ATTEMPT_STATUSES,
  CAPTION_LANGUAGES,
  MEDIA_KINDS,
  MEDIA_STATUSES,
  QUESTION_KINDS,
} from '../../../shared/vocab/learning-elearning';
import { PROGRESS_RULE } from './progress';

export const ZMediaKind = z.enum(MEDIA_KINDS);

export const ZCreateUploadRequest = z
  .object({
    kind: ZMediaKind,
    fileName: z.string().trim().min(1).max(200),
    byteSize: z.number().int().min(1),
    captionLanguage: z.enum(CAPTION_LANGUAGES).optional(),
  })
  .openapi('ElearningCreateUploadRequest');

export const ZMedia = z
  .object({
    id: z.string(),
    courseId: z.string(),
    kind: ZMediaKind,
    status: z.enum(MEDIA_STATUSES),
    fileName: z.string(),
    byteSize: z.number().int(),
    chunkBytes: z.number().int(),
    chunkCount: z.number().int(),
    receivedChunks: z.array(z.number().int()),
    contentType: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    faststart: z.boolean().nullable(),
    captionLanguage: z.enum(CAPTION_LANGUAGES).nullable(),
    createdAt: z.string(),
    readyAt: z.string().nullable(),
  })
  .openapi('ElearningMedia');

export const ZMediaList = z.object({ items: z.array(ZMedia) }).openapi('ElearningMediaList');

export const ZChunkParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  n: z.coerce
    .number()
    .int()
    .min(0)
    .openapi({ param: { name: 'n', in: 'path' } }),
});

export const ZCourseParam = z.object({
  courseId: z.string().openapi({ param: { name: 'courseId', in: 'path' } }),
});

export const ZPartParam = z.object({
  partId: z.string().openapi({ param: { name: 'partId', in: 'path' } }),
});

export const ZLessonMediaRequest = z
  .object({
    videoMediaId: z.string().nullable(),
    captionMediaIds: z.array(z.string()).max(CAPTION_LANGUAGES.length),
    documentMediaIds: z.array(z.string()).max(20),
  })
  .openapi('ElearningLessonMediaRequest');

export const ZQuizSettings = z
  .object({
    passPercent: z.number().int().min(1).max(100),
    attemptLimit: z.number().int().min(1).max(100).nullable(),
    questionsPerAttempt: z.number().int().min(1).max(200).nullable(),
  })
  .openapi('ElearningQuizSettings');

const ZChoice = z.object({ id: z.string().min(1).max(20), text: z.string().trim().min(1).max(500) });

export const ZQuestionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    prompt: z.string().trim().min(1).max(2000),
    choices: z.array(ZChoice).min(2).max(10),
    correct: z.array(z.string()).min(1).max(10),
    explanation: z.string().max(2000).default(''),
  })
  .openapi('ElearningQuestionInput');

export const ZQuestion = ZQuestionInput.extend({
  id: z.string(),
  seq: z.number().int(),
  version: z.number().int(),
}).openapi('ElearningQuestion');

export const ZStaffQuiz = z
  .object({
    partId: z.string(),
    settings: ZQuizSettings.nullable(),
    questions: z.array(ZQuestion),
  })
  .openapi('ElearningStaffQuiz');

export const ZProgressReport = z
  .object({
    intervals: z
      .array(z.tuple([z.number(), z.number()]))
      .max(PROGRESS_RULE.maxIntervalsPerReport)
      .openapi({ description: 'Intervals played, [start, end] in media seconds' }),
    positionSeconds: z
      .number()
      .min(0)
      .max(24 * 3600),
  })
  .openapi('ElearningProgressReport');

export const ZProgress = z
  .object({
    mediaId: z.string().nullable(),
    durationMs: z.number().int(),
    coveredMs: z.number().int(),
    percent: z.number().int(),
    complete: z.boolean(),
    completedAt: z.string().nullable(),
    resumeAtMs: z.number().int(),
    watched: z.array(z.tuple([z.number().int(), z.number().int()])),
  })
  .openapi('ElearningProgress');

export const ZProgressOutcome = ZProgress.extend({
  acceptedMs: z.number().int(),
  deferredMs: z.number().int(),
}).openapi('ElearningProgressOutcome');

const ZLearnerQuestion = z.object({
  questionId: z.string(),
  kind: z.enum(QUESTION_KINDS),
  prompt: z.string(),
  choices: z.array(z.object({ id: z.string(), text: z.string() })),
});

export const ZAttempt = z
  .object({
    id: z.string(),
    partId: z.string(),
    attemptNo: z.number().int(),
    status: z.enum(ATTEMPT_STATUSES),
    passPercent: z.number().int(),
    questions: z.array(ZLearnerQuestion),
    startedAt: z.string(),
    submittedAt: z.string().nullable(),
    scorePercent: z.number().int().nullable(),
    correctCount: z.number().int().nullable(),
    /** Only once submitted: each question's correct choices, the learner's answer and the explanation. */
    review: z
      .array(
        z.object({
          questionId: z.string(),
          correct: z.boolean(),
          correctChoiceIds: z.array(z.string()),
          chosen: z.array(z.string()),
          explanation: z.string(),
        }),
      )
      .nullable(),
    attemptsLeft: z.number().int().nullable(),
  })
  .openapi('ElearningAttempt');

export const ZSubmitAttempt = z
  .object({ answers: z.record(z.string(), z.array(z.string()).max(10)) })
  .openapi('ElearningSubmitAttempt');

export const ZLearnerLesson = z
  .object({
    partId: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    title: z.string(),
    description: z.string(),
    video: z
      .object({ mediaId: z.string(), contentType: z.string(), durationMs: z.number().int() })
      .nullable(),
    captions: z.array(z.object({ mediaId: z.string(), language: z.enum(CAPTION_LANGUAGES) })),
    documents: z.array(z.object({ mediaId: z.string(), fileName: z.string(), byteSize: z.number().int() })),
    progress: ZProgress.nullable(),
    quiz: z
      .object({
        passPercent: z.number().int(),
        attemptLimit: z.number().int().nullable(),
        attemptsUsed: z.number().int(),
        attemptsLeft: z.number().int().nullable(),
        passed: z.boolean(),
        bestScorePercent: z.number().int().nullable(),
        openAttemptId: z.string().nullable(),
        questionCount: z.number().int(),
      })
      .nullable(),
    complete: z.boolean(),
    reportEverySeconds: z.number().int(),
    maxPlaybackRate: z.number(),
  })
  .openapi('ElearningLearnerLesson');
