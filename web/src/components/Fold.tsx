import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A secondary part of a page folded under a summary that says what is inside and how much ("市町村別（33）").
 * It opens while the page prints, so a printed report keeps every table, and closes again afterwards.
 * `openWhenHash`: opens when the address's #fragment names it (a summary link elsewhere on the page).
 */
export function Fold({
  summary,
  children,
  defaultOpen = false,
  openWhenHash,
  className = 'mb-6',
  testId,
}: {
  summary: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  openWhenHash?: string;
  className?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    let before = false;
    const onBefore = () => {
      before = ref.current?.open ?? false;
      if (ref.current) ref.current.open = true;
    };
    const onAfter = () => {
      if (ref.current) ref.current.open = before;
    };
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
    return () => {
      window.removeEventListener('beforeprint', onBefore);
      window.removeEventListener('afterprint', onAfter);
    };
  }, []);
  useEffect(() => {
    if (!openWhenHash) return;
    const check = () => {
      if (window.location.hash === `#${openWhenHash}`) setOpen(true);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [openWhenHash]);
  return (
    <details
      ref={ref}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className={className}
      data-testid={testId}
    >
      <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170 text-key-900 print:hidden">
        {summary}
      </summary>
      {children}
    </details>
  );
}
