import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * An inline editing panel inside a record section. Opening it moves focus to its heading, so keyboard and
 * screen-reader users land on the form they asked for; the heading level follows the section it is in.
 */
export function EditPanel({
  title,
  level = 3,
  children,
}: {
  title: string;
  level?: 3 | 4;
  children: ReactNode;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <section
      aria-labelledby={id}
      className="my-6 rounded-12 border-2 border-key-900 bg-white p-4 md:p-6 print:hidden"
    >
      <Heading id={id} ref={heading} tabIndex={-1} className="mb-4 text-std-20B-150">
        {title}
      </Heading>
      {children}
    </section>
  );
}
