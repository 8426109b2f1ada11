import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * The create/edit panel of an administration screen. Opening it moves focus to its heading, so
 * keyboard and screen-reader users land on the form they asked for.
 */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  return (
    <section
      aria-labelledby={id}
      className="mb-10 rounded-12 border-2 border-key-900 p-4 md:p-6 print:hidden"
    >
      <h2 id={id} ref={heading} tabIndex={-1} className="mb-4 text-std-22B-150">
        {title}
      </h2>
      {children}
    </section>
  );
}
