/**
 * E-learning for the demo (NA-7, decision 0021): the demo prefecture's supporter e-learning course gets a short
 * playable video (a 12-second clip recorded in a browser, src/demo/media/), captions in Japanese and English, a
 * handout PDF and a quiz per lesson, so a demo learner has something to watch and pass. Stored through the same
 * tables and part sizes as an upload; the video's duration is read by the store's own probe.
 */
import { readFileSync } from 'node:fs';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  elearningLessonMedia,
  elearningMedia,
  elearningMediaChunks,
  elearningQuestions,
  elearningQuizzes,
  fileParts,
  files,
  trainingCourseParts,
  trainingCourses,
  users,
} from '../db/schema';
import { probeMedia } from '../modules/learning/elearning/media-probe';
import { mediaPartBytes, UPLOAD_CHUNK_BYTES } from '../modules/learning/elearning/media-store';
import type { CaptionLanguage, MediaKind } from '../shared/vocab/learning-elearning';
import { demoPdf } from './library';

const asset = (name: string) => readFileSync(new URL(`./media/${name}`, import.meta.url));

type Quiz = { prompt: string; choices: string[]; correct: number[]; explanation: string }[];

/** Three questions per lesson; the first choice listed is not always the right one. */
const QUIZZES: Quiz[] = [
  [
    {
      prompt: '医療的ケア児支援法（2021年）で、医療的ケア児支援センターの役割に含まれるものはどれですか。',
      choices: ['家族や支援者からの相談に応じる', '医療的ケアの費用を全額負担する', '学校の設置を許可する'],
      correct: [0],
      explanation: 'センターは相談、情報の提供と研修、関係機関との連絡調整を担います。',
    },
    {
      prompt: '医療的ケアに当たるものをすべて選んでください。',
      choices: ['喀痰吸引', '経管栄養', '爪切り'],
      correct: [0, 1],
      explanation: '喀痰吸引と経管栄養は代表的な医療的ケアです。',
    },
    {
      prompt: '医療的ケア児等コーディネーターの主な役割はどれですか。',
      choices: ['支援を総合的に調整する', '診断を下す', '福祉サービスの報酬を決める'],
      correct: [0],
      explanation: '医療・福祉・教育などの支援をつなぎ、総合的に調整します。',
    },
  ],
  [
    {
      prompt: '喀痰吸引の前に必ず行うことはどれですか。',
      choices: ['手洗いと必要物品の確認', '食事の介助', '体重測定'],
      correct: [0],
      explanation: '感染予防のため、手洗いと物品の確認から始めます。',
    },
    {
      prompt: '経管栄養の注入中に観察することをすべて選んでください。',
      choices: ['むせ込みや嘔吐', '顔色や呼吸の様子', '部屋の照明の色'],
      correct: [0, 1],
      explanation: '誤嚥や体調の変化に早く気づくため、むせ込み・顔色・呼吸を観察します。',
    },
    {
      prompt: '手技の手順や注意点を確認する相手として最も適切なのはどれですか。',
      choices: ['主治医や訪問看護師', 'インターネットの掲示板', '同じ施設の利用者'],
      correct: [0],
      explanation: '一人ひとりの手順は主治医の指示と看護職の指導に従います。',
    },
  ],
  [
    {
      prompt: '人工呼吸器を使う子どもの災害への備えとして大切なものはどれですか。',
      choices: ['予備バッテリーと停電時の電源確保', '冷蔵庫の買い替え', '避難しない前提の計画'],
      correct: [0],
      explanation: '停電に備え、外部バッテリーや発電機、充電できる場所を確認しておきます。',
    },
    {
      prompt: '個別避難計画に書いておくとよいものをすべて選んでください。',
      choices: ['必要な医療機器と消耗品', '避難先と移動の手段', '好きなテレビ番組'],
      correct: [0, 1],
      explanation: '機器・消耗品・避難先・移動手段・連絡先を家族と支援者で共有します。',
    },
    {
      prompt: '災害時の情報共有のために平時から行うことはどれですか。',
      choices: ['市町村や支援者と連絡先を共有する', '何もしない', '個人情報をすべて公開する'],
      correct: [0],
      explanation: '同意のうえで、市町村や支援者と必要な情報・連絡先を共有しておきます。',
    },
  ],
];

/** Attaches the demo media and quizzes to the prefecture's supporter e-learning course (if it has one). */
export async function seedElearning(
  tx: DbOrTx,
  opts: { prefectureCode: string; engine: 'pglite' | 'postgres'; now: Date },
): Promise<{ lessons: number }> {
  const [course] = await tx
    .select()
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.prefectureCode, opts.prefectureCode),
        eq(trainingCourses.kind, 'supporter_elearning'),
      ),
    )
    .limit(1);
  const [admin] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.prefectureCode, opts.prefectureCode), eq(users.role, 'centre_admin')))
    .limit(1);
  if (!course || !admin) return { lessons: 0 };
  const lessons = await tx
    .select()
    .from(trainingCourseParts)
    .where(and(eq(trainingCourseParts.courseId, course.id), eq(trainingCourseParts.kind, 'lesson')))
    .orderBy(asc(trainingCourseParts.seq));

  const store = async (
    kind: MediaKind,
    fileName: string,
    bytes: Buffer,
    captionLanguage?: CaptionLanguage,
  ) => {
    const probe = await probeMedia(kind, bytes.length, async (o, l) => bytes.subarray(o, o + l));
    if (!probe.ok) throw new Error(`demo e-learning: ${fileName} refused (${probe.reason})`);
    const partBytes = mediaPartBytes(opts.engine);
    const [m] = await tx
      .insert(elearningMedia)
      .values({
        prefectureCode: opts.prefectureCode,
        courseId: course.id,
        kind,
        status: 'ready',
        fileName,
        byteSize: bytes.length,
        chunkBytes: UPLOAD_CHUNK_BYTES,
        partBytes,
        contentType: probe.contentType,
        durationMs: probe.durationMs,
        faststart: probe.faststart,
        captionLanguage: captionLanguage ?? null,
        uploadedBy: admin.id,
        readyAt: opts.now,
      })
      .returning();
    await tx.insert(files).values({
      id: m!.id,
      prefectureCode: opts.prefectureCode,
      kind: kind === 'video' ? 'lesson_video' : kind === 'captions' ? 'lesson_captions' : 'lesson_document',
      status: 'ready',
      name: fileName,
      contentType: probe.contentType,
      byteSize: bytes.length,
      partBytes,
      createdBy: admin.id,
      createdAt: opts.now,
      readyAt: opts.now,
    });
    for (let k = 0; k * partBytes < bytes.length; k++) {
      const hex = bytes.subarray(k * partBytes, (k + 1) * partBytes).toString('hex');
      await tx.insert(fileParts).values({ fileId: m!.id, seq: k, bytes: sql`decode(${hex}, 'hex')` });
    }
    await tx.insert(elearningMediaChunks).values({ mediaId: m!.id, chunkNo: 0, byteCount: bytes.length });
    return m!;
  };

  const video = await store('video', '講義動画（デモ）.webm', asset('lesson-demo.webm'));
  const captionsJa = await store('captions', '字幕（日本語）.vtt', asset('lesson-demo.ja.vtt'), 'ja');
  const captionsEn = await store('captions', 'captions (English).vtt', asset('lesson-demo.en.vtt'), 'en');
  const handout = await store('document', '配布資料（デモ）.pdf', handoutPdf());

  for (const [i, lesson] of lessons.entries()) {
    await tx.insert(elearningLessonMedia).values([
      { partId: lesson.id, mediaId: video.id, kind: 'video', seq: 0 },
      { partId: lesson.id, mediaId: captionsJa.id, kind: 'captions', captionLanguage: 'ja', seq: 1 },
      { partId: lesson.id, mediaId: captionsEn.id, kind: 'captions', captionLanguage: 'en', seq: 2 },
      { partId: lesson.id, mediaId: handout.id, kind: 'document', seq: 3 },
    ]);
    await tx
      .update(trainingCourseParts)
      .set({ durationSeconds: Math.round((video.durationMs ?? 0) / 1000) })
      .where(eq(trainingCourseParts.id, lesson.id));
    const quiz = QUIZZES[i % QUIZZES.length]!;
    await tx.insert(elearningQuizzes).values({ partId: lesson.id, passPercent: 60, attemptLimit: 3 });
    await tx.insert(elearningQuestions).values(
      quiz.map((q, n) => ({
        partId: lesson.id,
        seq: n + 1,
        kind: q.correct.length > 1 ? ('multiple' as const) : ('single' as const),
        prompt: q.prompt,
        choices: q.choices.map((text, c) => ({ id: String.fromCharCode(97 + c), text })),
        correct: q.correct.map((c) => String.fromCharCode(97 + c)),
        explanation: q.explanation,
      })),
    );
  }
  return { lessons: lessons.length };
}

/** A one-page handout (the demo's PDF writer, library.ts), fictional. */
export function handoutPdf(): Buffer {
  return demoPdf([
    'Tsunagu e-learning - demo handout (fictional)',
    'Basic e-learning for supporters of children with medical care needs',
    '1. Watch each lesson video to the end (95 % counts as watched).',
    '2. Take the quiz of each lesson; the pass mark is 60 %.',
    '3. When every lesson is complete, the course is complete.',
  ]);
}
