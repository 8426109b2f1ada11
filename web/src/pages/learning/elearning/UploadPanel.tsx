import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import {
  CAPTION_LANGUAGE_LABELS,
  CAPTION_LANGUAGES,
  MEDIA_KIND_LABELS,
  MEDIA_KINDS,
} from '../../../../../src/shared/vocab/learning-elearning';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { useT } from '../../../i18n';
import { vocabOptions } from '../../../i18n/vocab';
import { csrfTokenOf, type Media } from '../../../lib/queries/learning-elearning';
import { formatBytes } from '../lessons/format';
import { beginUpload, sendAndCommit, type UploadProgress, uploadStatus } from './chunked-upload';

const ACCEPT: Record<Media['kind'], string> = {
  video: 'video/mp4,video/webm,.mp4,.m4v,.webm',
  captions: 'text/vtt,.vtt',
  document: 'application/pdf,.pdf',
};

/**
 * Uploads a video, captions or a document in chunks with a progress bar. After a failure "resume" sends only
 * the chunks the server lacks; choosing the same file again (same name and size) resumes an upload an earlier
 * visit left unfinished.
 */
export function UploadPanel({ courseId, media }: { courseId: string; media: Media[] }) {
  const t = useT();
  const qc = useQueryClient();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Media['kind']>('video');
  const [lang, setLang] = useState<'ja' | 'en'>('ja');
  const [file, setFile] = useState<File | null>(null);
  const [current, setCurrent] = useState<Media | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const run = async (resume: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      let m: Media;
      if (resume && current) m = await uploadStatus(current.id);
      else {
        const unfinished = media.find(
          (x) =>
            x.status === 'uploading' &&
            x.kind === kind &&
            x.fileName === file.name &&
            x.byteSize === file.size,
        );
        m = unfinished ? await uploadStatus(unfinished.id) : await beginUpload(courseId, file, kind, lang);
      }
      setCurrent(m);
      const ready = await sendAndCommit(m, file, { csrf: csrfTokenOf(qc), onProgress: setProgress });
      setDone(t('elearning.uploaded', { name: ready.fileName }));
      setCurrent(null);
      setFile(null);
      setProgress(null);
      if (fileRef.current) fileRef.current.value = '';
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['elearning', 'staff'] });
    }
  };

  const pct = progress ? Math.floor((progress.sentBytes * 100) / Math.max(1, progress.totalBytes)) : 0;
  return (
    <div className="max-w-2xl">
      <SelectField
        label={t('elearning.uploadKind')}
        value={kind}
        onChange={(v) => setKind(v as Media['kind'])}
        options={vocabOptions(t, MEDIA_KINDS, MEDIA_KIND_LABELS)}
        disabled={busy}
      />
      {kind === 'captions' && (
        <SelectField
          label={t('elearning.captionLanguage')}
          value={lang}
          onChange={(v) => setLang(v as 'ja' | 'en')}
          options={vocabOptions(t, CAPTION_LANGUAGES, CAPTION_LANGUAGE_LABELS)}
          disabled={busy}
        />
      )}
      <div className="mb-5">
        <label htmlFor={fileId} className="mb-1 block text-std-17B-170">
          {t('elearning.uploadFile')}
        </label>
        <p id={`${fileId}-hint`} className="mb-1 text-solid-gray-700">
          {t(`elearning.uploadHint.${kind}`)}
        </p>
        <input
          ref={fileRef}
          id={fileId}
          type="file"
          accept={ACCEPT[kind]}
          aria-describedby={`${fileId}-hint`}
          disabled={busy}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setCurrent(null);
            setProgress(null);
            setError(null);
          }}
          className="block min-h-12"
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button disabled={!file || busy} onClick={() => void run(false)}>
          {t('elearning.upload')}
        </Button>
        {error !== null && current && file && (
          <Button variant="secondary" disabled={busy} onClick={() => void run(true)}>
            {t('elearning.resumeUpload')}
          </Button>
        )}
      </div>
      {progress && (
        <div className="mt-4">
          <progress max={100} value={pct} aria-label={t('elearning.uploadProgress')} className="h-3 w-full" />
          <p role="status" className="text-std-16N-170">
            {t('elearning.uploadProgressText', {
              percent: pct,
              sent: formatBytes(progress.sentBytes, t.locale),
              total: formatBytes(progress.totalBytes, t.locale),
              chunk: progress.chunk + 1,
              chunks: progress.chunkCount,
            })}
          </p>
        </div>
      )}
      <ApiErrorAlert error={error} />
      {error !== null && current && <p>{t('elearning.uploadFailedHint')}</p>}
      <StatusMessage>{done}</StatusMessage>
    </div>
  );
}
