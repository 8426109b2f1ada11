import { useDeferredValue } from 'react';
import { renderMarkdown } from '../../../../src/shared/markdown';
import { useT } from '../../i18n';
import { MarkdownHtml } from './MarkdownHtml';

/**
 * The charter as the body page will show it, rendered as the user types by the same renderer the server uses
 * for the page (src/shared/markdown.ts). Loaded lazily with the form, so readers of the page never load it.
 */
export function CharterPreview({ source }: { source: string }) {
  const t = useT();
  const text = useDeferredValue(source);
  return (
    <div className="mb-6">
      <p className="mb-2 text-std-16B-170">{t('cn.f.charter.preview')}</p>
      {text.trim() ? (
        <MarkdownHtml html={renderMarkdown(text)} label={t('cn.f.charter.preview')} />
      ) : (
        <p className="text-solid-gray-700">{t('cn.f.charter.previewEmpty')}</p>
      )}
    </div>
  );
}
