import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  LIBRARY_CAPTION_LANGUAGE_LABELS,
  LIBRARY_CAPTION_LANGUAGES,
  type LibraryCaptionLanguage,
} from '../../../../src/shared/vocab/library';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Section } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { type LibraryItem, uploadCaptions, useRemoveCaptions } from '../../lib/queries/library';
import { formatBytes } from './shared';

/**
 * The caption tracks of a video item's current version (WCAG 2.2 1.2.2): each language's WebVTT file, opened
 * from our origin; the centre adds one per language (Japanese, English, やさしい日本語), replaces it by adding
 * again, and removes it. A new version of the video starts without tracks.
 */
export function CaptionsPanel({ item }: { item: LibraryItem }) {
  const t = useT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const remove = useRemoveCaptions(item.id);
  const [language, setLanguage] = useState<LibraryCaptionLanguage>('ja');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const label = (l: LibraryCaptionLanguage) => LIBRARY_CAPTION_LANGUAGE_LABELS[l][locale];
  const has = (l: LibraryCaptionLanguage) => item.captions.some((c) => c.language === l);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setPending(true);
    setError(null);
    setDone(null);
    try {
      await uploadCaptions(item.id, item.version, language, file);
      await qc.invalidateQueries({ queryKey: ['library'] });
      setDone(t('lib.captions.saved', { language: label(language) }));
      setFile(null);
      (e.target as HTMLFormElement).reset();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <Section id="library-captions" title={t('lib.captions.title')}>
      {item.captions.length ? (
        <ul className="mb-4 max-w-3xl">
          {item.captions.map((c) => (
            <li key={c.language} className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1">
              <span className="text-std-16B-170">{label(c.language)}</span>
              <a href={c.path} className="inline-flex min-h-11 items-center text-key-900 underline">
                {c.fileName}（{formatBytes(c.byteSize)}）
              </a>
              {item.allowed.edit && (
                <Button
                  variant="secondary"
                  disabled={remove.isPending}
                  aria-label={t('lib.captions.removeOf', { language: label(c.language) })}
                  onClick={() => {
                    setDone(null);
                    remove.mutate(
                      { language: c.language, version: item.version },
                      {
                        onSuccess: () => setDone(t('lib.captions.removed', { language: label(c.language) })),
                      },
                    );
                  }}
                >
                  {t('lib.captions.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4">{t('lib.captions.none')}</p>
      )}
      <StatusMessage>{done}</StatusMessage>
      <ApiErrorAlert error={remove.error} />
      {item.allowed.edit && (
        <form onSubmit={submit} noValidate className="max-w-3xl">
          <SelectField
            label={t('lib.captions.language')}
            value={language}
            onChange={(v) => setLanguage(v as LibraryCaptionLanguage)}
            options={LIBRARY_CAPTION_LANGUAGES.map((l) => ({
              value: l,
              label: has(l) ? t('lib.captions.replaceOption', { language: label(l) }) : label(l),
            }))}
          />
          <label htmlFor="library-captions-file" className="mb-1 block text-std-17B-170">
            {t('lib.captions.file')}
          </label>
          <p id="library-captions-hint" className="mb-2 text-std-16N-170 text-solid-gray-700">
            {t('lib.captions.hint')}
          </p>
          <input
            id="library-captions-file"
            type="file"
            accept=".vtt,text/vtt"
            aria-describedby="library-captions-hint"
            className="mb-4 block min-h-11"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <ApiErrorAlert error={error} />
          <Button type="submit" disabled={!file || pending}>
            {has(language) ? t('lib.captions.replace') : t('lib.captions.add')}
          </Button>
        </form>
      )}
    </Section>
  );
}
