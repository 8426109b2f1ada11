import type { ReactNode, Ref } from 'react';
import { Button } from '../../components/Button';
import { type Translate, useT } from '../../i18n';
import { STEPS, type Step } from './form';

export const stepTitle = (t: Translate, step: Step) => t(`register.step.${step}`);

/** A titled part of a step (h3 under the step's h2), labelled for assistive technology. */
export function Part({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h3 id={id} className="mb-3 text-std-20B-150 text-solid-gray-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * Where the family is in the form: the steps in order, the current one marked (aria-current="step"). On a phone
 * only the numbers are shown (the heading below names the step); the names are still read out.
 */
export function StepIndicator({ at }: { at: number }) {
  const t = useT();
  return (
    <ol aria-label={t('register.steps')} className="mb-6 grid grid-cols-4 gap-2">
      {STEPS.map((s, i) => (
        <li
          key={s}
          aria-current={i === at ? 'step' : undefined}
          className={`border-t-4 pt-1 text-dns-14N-130 ${i === at ? 'border-key-900 text-solid-gray-900' : i < at ? 'border-solid-gray-600 text-solid-gray-700' : 'border-solid-gray-300 text-solid-gray-700'}`}
        >
          <span className={i === at ? 'text-dns-14B-130' : ''}>{i + 1}</span>{' '}
          <span className="sr-only sm:not-sr-only">{stepTitle(t, s)}</span>
          {i < at && <span className="sr-only">{t('register.stepDone')}</span>}
        </li>
      ))}
    </ol>
  );
}

/** The step's heading, with "ステップ n / 4" above its name; focus moves here when the step changes. */
export function StepHeading({ at, headingRef }: { at: number; headingRef: Ref<HTMLHeadingElement> }) {
  const t = useT();
  return (
    <h2 ref={headingRef} tabIndex={-1} className="mb-4 text-std-24B-150 text-solid-gray-900">
      <span className="block text-std-16N-170 text-solid-gray-700">
        {t('register.stepOf', { n: at + 1, total: STEPS.length })}
      </span>{' '}
      {stepTitle(t, STEPS[at]!)}
    </h2>
  );
}

/** 戻る and 次へ (or the submit button on the last step), 次へ being the form's submit so Enter moves on too. */
export function StepButtons({ at, onBack, sending }: { at: number; onBack: () => void; sending: boolean }) {
  const t = useT();
  const last = at === STEPS.length - 1;
  return (
    <div className="mt-8 flex flex-wrap items-center justify-between gap-3">
      {at > 0 ? (
        <Button variant="secondary" onClick={onBack}>
          {t('register.back')}
        </Button>
      ) : (
        <span />
      )}
      {last ? (
        <Button key="send" type="submit" disabled={sending} className="w-full sm:w-auto">
          {sending ? t('register.sending') : t('register.submit')}
        </Button>
      ) : (
        <Button key="next" type="submit">
          {t('register.next')}
        </Button>
      )}
    </div>
  );
}
