import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n';

let firstPage = true;

/**
 * One screen: sets the document title and, after a client-side navigation, moves focus to the heading
 * so screen-reader and keyboard users start at the new content (WCAG 2.4.3).
 */
export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | ${t('app.titleSuffix')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);
  return (
    <div className="mx-auto max-w-6xl">
      <h1
        ref={heading}
        tabIndex={-1}
        className="mb-4 text-std-28B-150 text-solid-gray-900 print:text-std-24B-150"
      >
        {title}
      </h1>
      {intro && <p className="mb-6 max-w-3xl text-std-16N-170 text-solid-gray-700">{intro}</p>}
      {children}
    </div>
  );
}

/** A titled section of a page (h2), labelled for assistive technology. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-3 text-std-22B-150 text-solid-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
