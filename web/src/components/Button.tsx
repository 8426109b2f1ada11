import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'text';

const BASE =
  'inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-8 px-4 py-2 text-oln-16B-100 ' +
  'disabled:cursor-not-allowed disabled:opacity-60 print:hidden';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-key-900 text-white hover:bg-key-1000 active:bg-key-1100',
  secondary: 'border-2 border-key-900 bg-white text-key-900 hover:bg-key-50',
  danger: 'border-2 border-error-2 bg-white text-error-2 hover:bg-red-50',
  text: 'text-key-900 underline underline-offset-4 hover:bg-key-50',
};

export function buttonClass(variant: Variant = 'primary', extra = ''): string {
  return `${BASE} ${VARIANTS[variant]} ${extra}`.trim();
}

/** A button of at least 44×44 px (touch target), in the DADS styles. Defaults to type="button". */
export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...rest} />;
}
