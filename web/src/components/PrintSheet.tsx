import type { ReactNode } from 'react';
import { useLocale, useT } from '../i18n';
import { formatDateTime } from '../lib/format';
import { Button } from './Button';

/**
 * The frame every printout shares (the child summary, the consultation summary): a print button and a way
 * back that do not print, a title with the time of printing, the body, and the confidentiality line. The
 * page's own stylesheet names its A4 page through `sheetClass`.
 */
export function PrintSheet({
  sheetClass,
  title,
  back,
  children,
}: {
  sheetClass: string;
  title: string;
  /** A link back to the screen the printout came from. */
  back: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className={`${sheetClass} mx-auto max-w-[210mm] bg-white p-6 print:max-w-none print:p-0`}>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Button onClick={() => window.print()}>{t('print.print')}</Button>
        {back}
      </div>
      <header className="mb-3 flex flex-wrap items-end justify-between gap-2 border-b-4 border-black pb-1">
        <h1 className="text-std-22B-150">{title}</h1>
        <p className="text-dns-14N-130">
          {t('print.printedAt', { at: formatDateTime(new Date().toISOString(), locale) })}
        </p>
      </header>
      {children}
      <p className="mt-4 border-t border-black pt-1 text-dns-14N-130">{t('print.confidential')}</p>
    </div>
  );
}

/** The class of a back link on a printout: a touch target of 44 px, not printed. */
export const PRINT_BACK_LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';

export const PRINT_CELL = 'border border-solid-gray-420 px-2 py-1 align-top text-left';

/** A titled section that is not split across pages. */
export function PrintBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-4 break-inside-avoid">
      <h2 className="mb-1 border-b-2 border-black text-std-17B-170">{title}</h2>
      {children}
    </section>
  );
}

/** A ruled table with a caption for screen readers, or "none recorded" when it has no rows. */
export function PrintTable({
  head,
  rows,
  caption,
}: {
  head: string[];
  rows: ReactNode[][];
  caption: string;
}) {
  const t = useT();
  if (rows.length === 0) return <p className="text-dns-14N-130">{t('print.noneRecorded')}</p>;
  return (
    <table className="w-full border-collapse text-dns-14N-130">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className={`${PRINT_CELL} bg-solid-gray-50`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a printout's rows are static for one render
          <tr key={i}>
            {r.map((cell, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={j} className={PRINT_CELL}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Label–value pairs, two to a row; `wideLabels` for longer labels. */
export function PrintFacts({
  rows,
  wideLabels = false,
}: {
  rows: [string, ReactNode][];
  wideLabels?: boolean;
}) {
  const cols = wideLabels ? 'grid-cols-[9rem_1fr_9rem_1fr]' : 'grid-cols-[8rem_1fr_8rem_1fr]';
  return (
    <dl className={`grid ${cols} text-dns-14N-130`}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className={`${PRINT_CELL} bg-solid-gray-50 font-bold`}>{label}</dt>
          <dd className={PRINT_CELL}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
