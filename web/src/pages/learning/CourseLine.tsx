import { useLocale } from '../../i18n';
import { courseLine } from './course-line';

/** The course (and its kind when the titles do not already say it) under a session's title; see course-line.ts. */
export function CourseLine({
  title,
  kindLabel,
  sessionTitle,
}: {
  title: string;
  kindLabel: string;
  sessionTitle: string | null;
}) {
  const { locale } = useLocale();
  const line = courseLine({ title, kindLabel }, sessionTitle, locale);
  return line === null ? null : <span className="block text-std-16N-170 text-solid-gray-700">{line}</span>;
}
