import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { CAPTION_LANGUAGE_LABELS } from '../../../../../src/shared/vocab/learning-elearning';
import { StatusMessage } from '../../../components/Alert';
import { Button, buttonClass } from '../../../components/Button';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { type Translate, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { formatDateTime, formatNumber } from '../../../lib/format';
import {
  type LearnerLesson,
  learnerMediaUrl,
  useLearnerLesson,
} from '../../../lib/queries/learning-elearning';
import { formatBytes, formatClock } from './format';
import { useWatchReporting } from './use-watch-reporting';

const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];

/** The learner's lesson: the video with captions, progress, speed, documents and the quiz (NA-7). */
export function LessonPage() {
  const { partId } = useParams({ strict: false }) as { partId: string };
  const t = useT();
  const lesson = useLearnerLesson(partId);
  return (
    <QueryState query={lesson}>
      {(l) => (
        <Page title={l.title} intro={l.description || undefined}>
          <p className="mb-4">
            <Link to="/learning/lessons" className="text-key-900 underline underline-offset-4">
              {t('elearning.backToLessons')}
            </Link>
            <span className="ml-2 text-solid-gray-700">{l.courseTitle}</span>
          </p>
          {l.complete && <StatusMessage>{t('elearning.lessonComplete')}</StatusMessage>}
          {l.video ? <Player key={l.video.mediaId} lesson={l} /> : <p>{t('elearning.noVideo')}</p>}
          <Documents lesson={l} />
          <QuizSummary lesson={l} />
        </Page>
      )}
    </QueryState>
  );
}

function Player({ lesson }: { lesson: LearnerLesson }) {
  const t = useT();
  const video = lesson.video!;
  const ref = useRef<HTMLVideoElement>(null);
  const maxRate = lesson.maxPlaybackRate;
  const { progress, save } = useWatchReporting(ref, lesson, maxRate);
  const [rate, setRate] = useState(1);
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  const speedId = useId();
  const progressId = useId();
  const percent = progress?.percent ?? 0;

  // Resume where the learner left off, from the server's record (survives reloads and device changes).
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    const resume = (lesson.progress?.resumeAtMs ?? 0) / 1000;
    const onMeta = () => {
      if (resume > 1 && resume < v.duration - 1) {
        v.currentTime = resume;
        setResumedAt(resume);
      }
    };
    if (v.readyState >= 1) onMeta();
    else v.addEventListener('loadedmetadata', onMeta, { once: true });
    return () => v.removeEventListener('loadedmetadata', onMeta);
  }, [lesson.progress?.resumeAtMs]);

  useEffect(() => {
    if (ref.current) ref.current.playbackRate = rate;
  }, [rate]);

  return (
    <Section title={t('elearning.video')} id="lesson-video">
      {/* biome-ignore lint/a11y/useMediaCaption: the captions tracks are rendered from the lesson's list below */}
      <video
        ref={ref}
        controls
        playsInline
        preload="metadata"
        className="aspect-video w-full max-w-4xl rounded-8 bg-black"
        aria-label={t('elearning.videoOf', { title: lesson.title })}
        aria-describedby={progressId}
      >
        <source src={learnerMediaUrl(video.mediaId)} type={video.contentType} />
        {lesson.captions.map((c) => (
          <track
            key={c.mediaId}
            kind="captions"
            src={learnerMediaUrl(c.mediaId)}
            srcLang={c.language}
            label={vocab(t, CAPTION_LANGUAGE_LABELS, c.language)}
            default={c.language === t.locale || lesson.captions.length === 1}
          />
        ))}
      </video>
      {lesson.captions.length === 0 && (
        <p className="mt-2 text-solid-gray-700">{t('elearning.noCaptions')}</p>
      )}
      <div className="mt-4 flex flex-wrap items-end gap-6">
        <div>
          <label htmlFor={speedId} className="mb-1 block text-std-17B-170">
            {t('elearning.speed')}
          </label>
          <select
            id={speedId}
            value={String(rate)}
            onChange={(e) => setRate(Number(e.target.value))}
            className="min-h-12 rounded-8 border border-solid-gray-600 bg-white px-4"
          >
            {SPEEDS.filter((s) => s <= maxRate).map((s) => (
              <option key={s} value={String(s)}>
                {t('elearning.speedOption', { rate: s })}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-64 flex-1" id={progressId}>
          <p className="mb-1 text-std-17B-170">
            {t('elearning.watched', { percent })}
            {progress?.complete ? ` — ${t('elearning.watchedComplete')}` : ''}
          </p>
          <progress
            max={100}
            value={percent}
            aria-label={t('elearning.watchedLabel')}
            className="h-3 w-full max-w-md"
          />
          <p className="text-std-16N-170 text-solid-gray-700">
            {t('elearning.watchedRule', { duration: formatClock(video.durationMs / 1000) })}
          </p>
        </div>
      </div>
      {resumedAt !== null && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <p>{t('elearning.resumedAt', { time: formatClock(resumedAt) })}</p>
          <Button
            variant="text"
            onClick={() => {
              if (ref.current) ref.current.currentTime = 0;
              setResumedAt(null);
            }}
          >
            {t('elearning.fromStart')}
          </Button>
        </div>
      )}
      <SaveLine save={save} t={t} />
    </Section>
  );
}

function SaveLine({ save, t }: { save: ReturnType<typeof useWatchReporting>['save']; t: Translate }) {
  if (save.failed) {
    return (
      <p role="status" className="mt-2 text-error-2">
        {t('elearning.saveFailed')}
      </p>
    );
  }
  return (
    <p role="status" className="mt-2 text-std-16N-170 text-solid-gray-700">
      {save.at ? t('elearning.savedAt', { time: formatDateTime(save.at, t.locale) }) : ''}
      {save.deferredMs > 0 ? ` ${t('elearning.deferred')}` : ''}
    </p>
  );
}

function Documents({ lesson }: { lesson: LearnerLesson }) {
  const t = useT();
  if (lesson.documents.length === 0) return null;
  return (
    <Section title={t('elearning.documents')} id="lesson-documents">
      <ul className="list-disc pl-6">
        {lesson.documents.map((d) => (
          <li key={d.mediaId} className="mb-2">
            <a
              href={learnerMediaUrl(d.mediaId)}
              download={d.fileName}
              className="text-key-900 underline underline-offset-4"
            >
              {d.fileName}
            </a>{' '}
            <span className="text-solid-gray-700">
              {t('elearning.pdfSize', { size: formatBytes(d.byteSize, t.locale) })}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function QuizSummary({ lesson }: { lesson: LearnerLesson }) {
  const t = useT();
  const q = lesson.quiz;
  if (!q) return null;
  const left = q.attemptsLeft;
  return (
    <Section title={t('elearning.quiz')} id="lesson-quiz">
      <dl className="mb-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">{t('elearning.quizQuestions')}</dt>
        <dd>{formatNumber(q.questionCount, t.locale)}</dd>
        <dt className="font-bold">{t('elearning.passMark')}</dt>
        <dd>{t('elearning.percent', { n: q.passPercent })}</dd>
        <dt className="font-bold">{t('elearning.attempts')}</dt>
        <dd>
          {left === null
            ? t('elearning.attemptsUnlimited', { used: q.attemptsUsed })
            : t('elearning.attemptsOf', { used: q.attemptsUsed, limit: q.attemptLimit ?? 0 })}
        </dd>
        {q.bestScorePercent !== null && (
          <>
            <dt className="font-bold">{t('elearning.bestScore')}</dt>
            <dd>{t('elearning.percent', { n: q.bestScorePercent })}</dd>
          </>
        )}
      </dl>
      {q.passed ? (
        <StatusMessage>{t('elearning.quizPassed')}</StatusMessage>
      ) : left === 0 ? (
        <p className="text-error-2">{t('elearning.noAttemptsLeft')}</p>
      ) : (
        <>
          {lesson.video && !lesson.progress?.complete && (
            <p className="mb-2 text-solid-gray-700">{t('elearning.quizAfterVideo')}</p>
          )}
          <Link
            to="/learning/lessons/$partId/quiz"
            params={{ partId: lesson.partId }}
            className={buttonClass('primary')}
          >
            {q.openAttemptId ? t('elearning.continueQuiz') : t('elearning.takeQuiz')}
          </Link>
        </>
      )}
    </Section>
  );
}
