import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { QueryParams } from './api';
import { useSession } from './queries/auth';

/**
 * Administration screens act on one prefecture. A centre administrator's prefecture comes from the
 * session; a system administrator picks one, and every admin call then carries ?prefecture=NN.
 */
const STORAGE_KEY = 'tsunagu.adminPrefecture';

type State = { prefecture: string | null; setPrefecture: (code: string | null) => void };
const AdminPrefectureContext = createContext<State | null>(null);

function stored(): string | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v && /^\d{2}$/.test(v) ? v : null;
  } catch {
    return null;
  }
}

export function AdminPrefectureProvider({ children }: { children: ReactNode }) {
  const [prefecture, setState] = useState<string | null>(stored);
  const setPrefecture = useCallback((code: string | null) => {
    setState(code);
    try {
      if (code) window.localStorage.setItem(STORAGE_KEY, code);
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage unavailable: keep the choice in memory
    }
  }, []);
  const value = useMemo(() => ({ prefecture, setPrefecture }), [prefecture, setPrefecture]);
  return <AdminPrefectureContext.Provider value={value}>{children}</AdminPrefectureContext.Provider>;
}

export type AdminScope = {
  /** Query parameters to add to every administration call. */
  params: QueryParams;
  /** False while a system administrator has not chosen a prefecture yet. */
  ready: boolean;
  isSystemAdmin: boolean;
  /** The prefecture acted on (for cache keys); the user's own for centre administrators. */
  prefecture: string | null;
  setPrefecture: (code: string | null) => void;
};

export function useAdminScope(): AdminScope {
  const ctx = useContext(AdminPrefectureContext);
  if (!ctx) throw new Error('useAdminScope outside AdminPrefectureProvider');
  const { data: session } = useSession();
  const isSystemAdmin = session?.user?.role === 'system_admin';
  if (isSystemAdmin) {
    return {
      params: { prefecture: ctx.prefecture },
      ready: ctx.prefecture !== null,
      isSystemAdmin,
      prefecture: ctx.prefecture,
      setPrefecture: ctx.setPrefecture,
    };
  }
  return {
    params: {},
    ready: Boolean(session?.user),
    isSystemAdmin: false,
    prefecture: session?.user?.prefectureCode ?? null,
    setPrefecture: ctx.setPrefecture,
  };
}
