import type { ReactNode } from 'react';
import { Th } from './Table';

export type SortDir = 'asc' | 'desc';

/**
 * A column header that sorts the list on the server. The header carries `aria-sort` for the column sorted
 * now; the button inside says what pressing it does. Pressing the sorted column reverses it; another column
 * starts ascending.
 */
export function SortableTh<Key extends string>({
  column,
  label,
  sort,
  dir,
  onSort,
  sortLabel,
  className,
}: {
  column: Key;
  label: ReactNode;
  sort: Key;
  dir: SortDir;
  onSort: (column: Key, dir: SortDir) => void;
  /** Accessible name of the button, e.g. 「件名で並べ替え」. */
  sortLabel: string;
  className?: string;
}) {
  const active = sort === column;
  const next: SortDir = active && dir === 'asc' ? 'desc' : 'asc';
  return (
    <Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={className}>
      <button
        type="button"
        onClick={() => onSort(column, next)}
        aria-label={sortLabel}
        className="inline-flex items-center gap-1 rounded-4 text-left underline-offset-4 hover:underline focus-visible:outline-4 focus-visible:outline-focus-yellow"
      >
        <span>{label}</span>
        <span aria-hidden="true" className="text-solid-gray-600">
          {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </Th>
  );
}
