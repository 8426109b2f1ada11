/**
 * The line under a session's title that names its course and kind (マイ研修, the applications, the apply page).
 * Course titles often repeat their kind (「医療的ケア児等コーディネーター養成研修」 is also the kind's label) and a
 * session is sometimes titled like its course; the line leaves out what the row already says, so nothing shows
 * twice. Titles are compared ignoring spaces and full-width forms.
 */
export function courseLine(
  course: { title: string; kindLabel: string },
  sessionTitle: string | null,
  locale: 'ja' | 'en',
): string | null {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const title = norm(course.title);
  const session = sessionTitle === null ? '' : norm(sessionTitle);
  const kind = norm(course.kindLabel);
  const showTitle = title !== '' && title !== session;
  const showKind = kind !== '' && !title.includes(kind) && !session.includes(kind);
  if (showTitle && showKind) {
    return locale === 'ja'
      ? `${course.title}（${course.kindLabel}）`
      : `${course.title} (${course.kindLabel})`;
  }
  if (showTitle) return course.title;
  if (showKind) return course.kindLabel;
  return null;
}
