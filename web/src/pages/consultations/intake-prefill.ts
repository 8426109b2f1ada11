import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { api } from '../../lib/api';
import type { PickedChild } from './ChildPicker';
import { parseIntakeSearch } from './search';

/** The child and subject the address asks for; the child is null until read (or when it cannot be). */
export function useIntakePrefill(): { child: PickedChild | null; subject: string | undefined } {
  const search = parseIntakeSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const child = useQuery({
    queryKey: ['children', 'intake-prefill', search.childId],
    queryFn: ({ signal }) => api.get<PickedChild>(`/api/children/${search.childId}`, undefined, signal),
    enabled: Boolean(search.childId),
    retry: false,
  });
  const c = child.data;
  return {
    child: c
      ? {
          id: c.id,
          familyName: c.familyName,
          givenName: c.givenName,
          familyKana: c.familyKana,
          givenKana: c.givenKana,
          birthDate: c.birthDate,
          municipalityCode: c.municipalityCode,
          municipalityName: c.municipalityName,
        }
      : null,
    subject: search.subject,
  };
}
