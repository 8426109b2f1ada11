import { useId, useState } from 'react';
import { useT } from '../i18n';
import { Button } from './Button';
import { INPUT_CLASS } from './Field';

/** A one-time link or key shown read-only, with a copy button (falls back to selecting the text). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.select();
    }
  };
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block text-std-17B-170">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          className={`${INPUT_CLASS} flex-1 font-mono`}
          onFocus={(e) => e.target.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {t('common.copy')}
        </Button>
      </div>
      <p role="status" className="mt-1 text-std-16N-170 text-green-900">
        {copied ? t('common.copied') : ''}
      </p>
    </div>
  );
}
