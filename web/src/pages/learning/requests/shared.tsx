import { REQUEST_STATUS_LABELS, type RequestStatus } from '../../../../../src/shared/vocab/learning-requests';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';

const STYLE: Record<RequestStatus, string> = {
  received: 'border-error-2 bg-red-50 text-error-2',
  in_dialogue: 'border-key-900 bg-key-50 text-key-1000',
  need_written: 'border-key-900 bg-key-50 text-key-1000',
  session_linked: 'border-success-2 bg-green-50 text-green-900',
  done: 'border-solid-gray-600 bg-white text-solid-gray-800',
  declined: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900',
};

/** A request's state as a badge (the text carries the meaning, not the colour). */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const t = useT();
  return (
    <span
      className={`inline-block rounded-4 border px-2 py-0.5 text-dns-14B-120 whitespace-nowrap ${STYLE[status]}`}
    >
      {vocab(t, REQUEST_STATUS_LABELS, status)}
    </span>
  );
}
