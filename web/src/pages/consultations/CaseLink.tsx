import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { RowTh } from '../../components/Table';

/** A link to a consultation's page, as the lists of cases show it (the queue, a child's record, similar cases). */
export function CaseLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Link
      to="/consultations/$consultationId"
      params={{ consultationId: id }}
      className="text-key-900 underline underline-offset-4"
    >
      {children}
    </Link>
  );
}

/** The first cell of a row of cases: the case number (R8-0123), which opens the case. */
export function CaseNumberCell({ id, caseNumber }: { id: string; caseNumber: string }) {
  return (
    <RowTh className="whitespace-nowrap">
      <CaseLink id={id}>{caseNumber}</CaseLink>
    </RowTh>
  );
}
