import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

/**
 * A data table with a caption. On narrow screens it scrolls sideways inside a focusable, labelled
 * region so keyboard users can scroll it too.
 */
export function Table({
  caption,
  captionHidden = false,
  children,
}: {
  caption: string;
  captionHidden?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      // relative: visually hidden labels (position: absolute) inside the table stay in this scrolling region
      // instead of widening the page.
      className="relative mb-6 overflow-x-auto rounded-8 border border-solid-gray-300"
    >
      <table className="w-full text-left text-std-16N-170">
        <caption
          className={captionHidden ? 'sr-only' : 'px-4 py-2 text-left text-std-17B-170 text-solid-gray-900'}
        >
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

export function Th({ className = '', ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={`border-b-2 border-solid-gray-600 bg-solid-gray-50 px-4 py-2 text-std-16B-170 whitespace-nowrap text-solid-gray-900 ${className}`}
      {...rest}
    />
  );
}

export function Td({ className = '', ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`border-b border-solid-gray-200 px-4 py-2 align-top ${className}`} {...rest} />;
}

/** A row header cell (first column naming the row). */
export function RowTh({ className = '', ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="row"
      className={`border-b border-solid-gray-200 px-4 py-2 text-left align-top text-std-16N-170 font-normal ${className}`}
      {...rest}
    />
  );
}
