import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { may } from "./roles";
import * as browserSession from "./session";
import type { Session } from "./session";

type Status = "restoring" | "signed-in" | "signed-out";

interface SessionContextValue {
  status: Status;
  session: Session | null;
  /** Whether the signed-in person's role allows `scope` in the current organisation. */
  can: (scope: string) => boolean;
  signIn: (email: string, password: string, totp?: string) => Promise<Session>;
  switchOrganization: (organizationId: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [session, setSession] = useState<Session | null>(browserSession.currentSession());
  const [status, setStatus] = useState<Status>(session ? "signed-in" : "restoring");

  useEffect(
    () =>
      browserSession.onSessionChange((next) => {
        setSession(next);
        setStatus(next ? "signed-in" : "signed-out");
      }),
    [],
  );

  useEffect(() => {
    if (browserSession.currentSession()) return;
    // Without the CSRF cookie there is no refresh cookie either: don't ask (and log a 401).
    if (!browserSession.hasStoredSession()) {
      setStatus("signed-out");
      return;
    }
    browserSession.refresh().catch(() => setStatus("signed-out"));
  }, []);

  const signOut = useCallback(async () => {
    await browserSession.signOut();
    queries.clear();
  }, [queries]);

  const switchOrganization = useCallback(
    async (organizationId: string) => {
      await browserSession.refresh(organizationId);
      // Every cached answer belongs to the organisation we just left.
      queries.clear();
    },
    [queries],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      status,
      session,
      can: (scope) => may(session?.role, scope),
      signIn: browserSession.signIn,
      switchOrganization,
      signOut,
    }),
    [status, session, switchOrganization, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** Renders its children only for people whose role allows `scope`. */
export function Can({ scope, children }: { scope: string; children: ReactNode }) {
  return useSession().can(scope) ? <>{children}</> : null;
}
