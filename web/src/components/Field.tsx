import { type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, useId } from 'react';
import { useT } from '../i18n';

/**
 * Form fields following DADS: a visible label tied to the control, a 必須 mark, a hint and the error
 * message linked with aria-describedby, aria-invalid on error. Placeholders are never used as labels.
 */

export const INPUT_CLASS =
  'block w-full min-h-12 rounded-8 border border-solid-gray-600 bg-white px-4 py-2 text-std-16N-170 ' +
  'text-solid-gray-900 hover:border-solid-gray-900 aria-[invalid=true]:border-2 aria-[invalid=true]:border-error-2 ' +
  'disabled:bg-solid-gray-50 read-only:bg-solid-gray-50';

export function RequiredMark({ required }: { required?: boolean }) {
  const t = useT();
  if (!required) return null;
  return (
    <span className="ml-2 inline-block rounded-4 bg-error-2 px-1.5 align-middle text-dns-14B-120 text-white">
      {t('common.required')}
    </span>
  );
}

type FieldShellProps = {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
  className?: string;
};

function FieldShell({ id, label, required, hint, error, children, className = '' }: FieldShellProps) {
  return (
    <div className={`mb-5 ${className}`}>
      <label htmlFor={id} className="mb-1 block text-std-17B-170 text-solid-gray-900">
        {label}
        <RequiredMark required={required} />
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-std-16N-170 text-solid-gray-700">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-std-16B-170 text-error-2">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  wrapperClassName?: string;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  required,
  id: givenId,
  wrapperClassName,
  type = 'text',
  className = '',
  ...rest
}: TextFieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell
      id={id}
      label={label}
      required={required}
      hint={hint}
      error={error}
      className={wrapperClassName}
    >
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${INPUT_CLASS} ${className}`}
        {...rest}
      />
    </FieldShell>
  );
}

type TextAreaProps = {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  rows?: number;
};

export function TextAreaField({ label, value, onChange, hint, error, required, rows = 3 }: TextAreaProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} error={error}>
      <textarea
        id={id}
        value={value}
        rows={rows}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={INPUT_CLASS}
      />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  /** Text of an empty first option ('' value), e.g. すべて; omitted when undefined. */
  emptyLabel?: string;
  hint?: ReactNode;
  error?: string | null;
  wrapperClassName?: string;
};

export function SelectField({
  label,
  value,
  onChange,
  options,
  emptyLabel,
  hint,
  error,
  required,
  wrapperClassName,
  className = '',
  ...rest
}: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell
      id={id}
      label={label}
      required={required}
      hint={hint}
      error={error}
      className={wrapperClassName}
    >
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${INPUT_CLASS} ${className}`}
        {...rest}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A checkbox with its label; the box and label form one 44 px tall target. */
export function Checkbox({
  label,
  checked,
  onChange,
  description,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: string;
}) {
  const id = useId();
  return (
    <div className="flex min-h-11 items-center gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={description ? `${id}-desc` : undefined}
        className="size-6 shrink-0 accent-key-900"
      />
      <label htmlFor={id} className="text-std-16N-170 text-solid-gray-900">
        {label}
        {description && (
          <span id={`${id}-desc`} className="ml-2 text-solid-gray-700">
            {description}
          </span>
        )}
      </label>
    </div>
  );
}

/** A group of controls with a legend (checkbox groups, radio groups). */
export function Fieldset({
  legend,
  required,
  children,
  error,
}: {
  legend: ReactNode;
  required?: boolean;
  children: ReactNode;
  error?: string | null;
}) {
  const id = useId();
  return (
    <fieldset className="mb-5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-std-17B-170 text-solid-gray-900">
        {legend}
        <RequiredMark required={required} />
      </legend>
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-std-16B-170 text-error-2">
          {error}
        </p>
      )}
    </fieldset>
  );
}
