import { Link } from '@tanstack/react-router';
import { useT } from '../../../i18n';

/**
 * The applications' part of "my learning" (MyLearningSlots): the way to the full list, where applications are
 * cancelled and the sessions taking applications are listed with their apply links.
 */
export function ApplySlot() {
  const t = useT();
  return (
    <p className="mt-2">
      <Link
        to="/learning/me/applications"
        className="inline-flex min-h-11 items-center text-key-900 underline underline-offset-4"
      >
        {t('apply.mine.link')}
      </Link>
    </p>
  );
}
