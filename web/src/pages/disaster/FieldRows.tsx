import type { ReactNode } from 'react';
import { Button } from '../../components/Button';
import { Fieldset } from '../../components/Field';

/** Sets one field of a row: `set('phone')('0466…')`. */
export type RowSetter<T> = <K extends keyof T>(key: K) => (value: T[K]) => void;

/**
 * Rows of fields edited in place and in order under a legend, with a button adding an empty row — the disaster
 * profile's contacts and the emergency sheet's common emergencies (docs/disaster.md §1, §7). `children` draws the
 * fields of one row from the row and its setter.
 */
export function FieldRows<T extends object>({
  legend,
  rows,
  onChange,
  empty,
  addLabel,
  rowClassName,
  children,
}: {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  empty: T;
  addLabel: string;
  rowClassName: string;
  children: (row: T, set: RowSetter<T>) => ReactNode;
}) {
  const setter =
    (i: number): RowSetter<T> =>
    (key) =>
    (value) =>
      onChange(rows.map((x, j) => (j === i ? { ...x, [key]: value } : x)));
  return (
    <Fieldset legend={legend}>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, in order
        <div key={i} className={rowClassName}>
          {children(row, setter(i))}
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { ...empty }])}>
        {addLabel}
      </Button>
    </Fieldset>
  );
}
