import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  CAPTION_LANGUAGE_LABELS,
  MEDIA_KIND_LABELS,
  MEDIA_STATUS_LABELS,
} from '../../../../../src/shared/vocab/learning-elearning';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { Table, Td, Th } from '../../../components/Table';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import {
  type Media,
  type StaffLesson,
  staffMediaUrl,
  useCourseMedia,
  useDeleteMedia,
  useSetLessonMedia,
  useStaffCourseLessons,
} from '../../../lib/queries/learning-elearning';
import { formatBytes, formatClock } from '../lessons/format';
import { UploadPanel } from './UploadPanel';

/** A course's e-learning for staff: upload media, attach it to lessons, reach each quiz and the progress view. */
export function CourseElearningPage() {
  const { courseId } = useParams({ strict: false }) as { courseId: string };
  const t = useT();
  const lessons = useStaffCourseLessons(courseId);
  const media = useCourseMedia(courseId);
  // Which lesson's media was just saved: kept here, as saving remounts that lesson's form.
  const [savedPart, setSavedPart] = useState<string | null>(null);
  return (
    <QueryState query={lessons}>
      {(data) => (
        <Page title={t('elearning.courseTitle', { title: data.course.title })}>
          <nav className="mb-6 flex flex-wrap gap-4" aria-label={t('elearning.courseLinks')}>
            <Link to="/learning/elearning" className="text-key-900 underline underline-offset-4">
              {t('elearning.backToCourses')}
            </Link>
            {data.course.canManage && (
              <Link
                to="/learning/elearning/$courseId/progress"
                params={{ courseId }}
                className="text-key-900 underline underline-offset-4"
              >
                {t('elearning.progressLink')}
              </Link>
            )}
          </nav>
          {!data.course.canManage && <p className="mb-6">{t('elearning.readOnly')}</p>}
          <QueryState query={media}>
            {(m) => (
              <>
                {data.course.canManage && (
                  <Section title={t('elearning.uploadTitle')} id="upload">
                    <UploadPanel courseId={courseId} media={m.items} />
                  </Section>
                )}
                <Section title={t('elearning.lessons')} id="lessons">
                  {data.lessons.length === 0 ? (
                    <p>{t('elearning.noLessons')}</p>
                  ) : (
                    data.lessons.map((l) => (
                      <LessonMedia
                        key={`${l.partId}:${l.video?.mediaId}:${l.captions.length}:${l.documents.length}`}
                        courseId={courseId}
                        lesson={l}
                        media={m.items.filter((x) => x.status === 'ready')}
                        canManage={data.course.canManage}
                        saved={savedPart === l.partId}
                        onSaved={setSavedPart}
                      />
                    ))
                  )}
                </Section>
                <Section title={t('elearning.mediaTitle')} id="media">
                  <MediaTable items={m.items} canManage={data.course.canManage} lessons={data.lessons} />
                </Section>
              </>
            )}
          </QueryState>
        </Page>
      )}
    </QueryState>
  );
}

function LessonMedia({
  courseId,
  lesson,
  media,
  canManage,
  saved,
  onSaved,
}: {
  courseId: string;
  lesson: StaffLesson;
  media: Media[];
  canManage: boolean;
  saved: boolean;
  onSaved: (partId: string | null) => void;
}) {
  const t = useT();
  const save = useSetLessonMedia(onSaved);
  const [video, setVideo] = useState(lesson.video?.mediaId ?? '');
  const [captions, setCaptions] = useState<string[]>(lesson.captions.map((c) => c.mediaId));
  const [documents, setDocuments] = useState<string[]>(lesson.documents.map((d) => d.mediaId));
  const videos = media.filter((m) => m.kind === 'video');
  const captionFiles = media.filter((m) => m.kind === 'captions');
  const docs = media.filter((m) => m.kind === 'document');
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const headingId = `lesson-${lesson.partId}`;
  return (
    <section aria-labelledby={headingId} className="mb-6 rounded-8 border border-solid-gray-420 p-4">
      <h3 id={headingId} className="mb-2 text-std-20B-150">
        {lesson.title}
      </h3>
      <p className="mb-3 text-solid-gray-700">
        {lesson.quiz
          ? t('elearning.quizSummaryStaff', {
              count: lesson.questionCount,
              pass: lesson.quiz.passPercent,
              limit: lesson.quiz.attemptLimit ?? t('elearning.unlimited'),
            })
          : t('elearning.noQuizYet')}{' '}
        <Link
          to="/learning/elearning/$courseId/parts/$partId/quiz"
          params={{ courseId, partId: lesson.partId }}
          className="text-key-900 underline underline-offset-4"
        >
          {canManage ? t('elearning.editQuiz') : t('elearning.viewQuiz')}
        </Link>
      </p>
      {canManage ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSaved(null);
            save.mutate({
              partId: lesson.partId,
              body: { videoMediaId: video || null, captionMediaIds: captions, documentMediaIds: documents },
            });
          }}
        >
          <SelectField
            label={t('elearning.lessonVideo')}
            value={video}
            onChange={setVideo}
            emptyLabel={t('elearning.noneSelected')}
            options={videos.map((v) => ({
              value: v.id,
              label: `${v.fileName} (${formatClock((v.durationMs ?? 0) / 1000)})`,
            }))}
          />
          <fieldset className="mb-4">
            <legend className="mb-1 text-std-17B-170">{t('elearning.lessonCaptions')}</legend>
            {captionFiles.length === 0 && (
              <p className="text-solid-gray-700">{t('elearning.noFilesOfKind')}</p>
            )}
            {captionFiles.map((c) => (
              <label key={c.id} className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={captions.includes(c.id)}
                  onChange={(e) => setCaptions(toggle(captions, c.id, e.target.checked))}
                />
                {c.fileName} ({vocab(t, CAPTION_LANGUAGE_LABELS, c.captionLanguage)})
              </label>
            ))}
          </fieldset>
          <fieldset className="mb-4">
            <legend className="mb-1 text-std-17B-170">{t('elearning.lessonDocuments')}</legend>
            {docs.length === 0 && <p className="text-solid-gray-700">{t('elearning.noFilesOfKind')}</p>}
            {docs.map((d) => (
              <label key={d.id} className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={documents.includes(d.id)}
                  onChange={(e) => setDocuments(toggle(documents, d.id, e.target.checked))}
                />
                {d.fileName}
              </label>
            ))}
          </fieldset>
          <ApiErrorAlert error={save.error} />
          <Button type="submit" disabled={save.isPending}>
            {t('elearning.saveLessonMedia')}
          </Button>
          <StatusMessage>{saved ? t('elearning.savedLessonMedia') : null}</StatusMessage>
        </form>
      ) : (
        <ul className="list-disc pl-6">
          <li>
            {t('elearning.lessonVideo')}: {lesson.video?.fileName ?? t('common.none')}
          </li>
          <li>
            {t('elearning.lessonCaptions')}:{' '}
            {lesson.captions.map((c) => c.fileName).join('、') || t('common.none')}
          </li>
          <li>
            {t('elearning.lessonDocuments')}:{' '}
            {lesson.documents.map((d) => d.fileName).join('、') || t('common.none')}
          </li>
        </ul>
      )}
    </section>
  );
}

function MediaTable({
  items,
  canManage,
  lessons,
}: {
  items: Media[];
  canManage: boolean;
  lessons: StaffLesson[];
}) {
  const t = useT();
  const del = useDeleteMedia();
  const [confirming, setConfirming] = useState<Media | null>(null);
  const used = new Set(
    lessons.flatMap((l) => [
      ...(l.video ? [l.video.mediaId] : []),
      ...l.captions.map((c) => c.mediaId),
      ...l.documents.map((d) => d.mediaId),
    ]),
  );
  if (items.length === 0) return <p>{t('elearning.noMedia')}</p>;
  return (
    <>
      <ApiErrorAlert error={del.error} />
      <Table caption={t('elearning.mediaTitle')} captionHidden>
        <thead>
          <tr>
            <Th>{t('elearning.fileName')}</Th>
            <Th>{t('elearning.kind')}</Th>
            <Th>{t('elearning.status')}</Th>
            <Th>{t('elearning.size')}</Th>
            <Th>{t('elearning.length.header')}</Th>
            <Th>{t('elearning.actions')}</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <Td>
                {m.status === 'ready' ? (
                  <a href={staffMediaUrl(m.id)} className="text-key-900 underline underline-offset-4">
                    {m.fileName}
                  </a>
                ) : (
                  m.fileName
                )}
              </Td>
              <Td>
                {vocab(t, MEDIA_KIND_LABELS, m.kind)}
                {m.captionLanguage ? `（${vocab(t, CAPTION_LANGUAGE_LABELS, m.captionLanguage)}）` : ''}
              </Td>
              <Td>
                {vocab(t, MEDIA_STATUS_LABELS, m.status)}
                {m.status === 'uploading' &&
                  ` ${t('elearning.chunksReceived', { got: m.receivedChunks.length, total: m.chunkCount })}`}
              </Td>
              <Td>{formatBytes(m.byteSize, t.locale)}</Td>
              <Td>{m.durationMs !== null ? formatClock(m.durationMs / 1000) : t('common.none')}</Td>
              <Td>
                {canManage && !used.has(m.id) ? (
                  <Button variant="danger" onClick={() => setConfirming(m)}>
                    {m.status === 'uploading' ? t('elearning.cancelUpload') : t('elearning.deleteMedia')}
                  </Button>
                ) : used.has(m.id) ? (
                  t('elearning.inUse')
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <ConfirmDialog
        open={confirming !== null}
        message={t('elearning.confirmDelete', { name: confirming?.fileName ?? '' })}
        confirmLabel={t('elearning.deleteMedia')}
        danger
        onConfirm={() => {
          if (confirming) del.mutate(confirming.id);
          setConfirming(null);
        }}
        onCancel={() => setConfirming(null)}
      />
    </>
  );
}
