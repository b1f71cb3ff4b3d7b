/**
 * The browser session: the access token lives in memory only; the refresh token is an
 * HttpOnly cookie that Auth sets and rotates (POST/DELETE /api/v1/auth/session).
 * A readable CSRF cookie is echoed in X-CSRF-Token (double submit).
 */
import { problemOf } from "../api/problem";
import { isRole, type Role } from "./roles";

const SESSION = "/api/v1/auth/session";
const CSRF_COOKIE = "ecotrack_csrf";
const CSRF_HEADER = "X-CSRF-Token";
// Refresh a little before expiry so no request goes out with a dying token.
const EARLY_REFRESH_MS = 30_000;

export interface Session {
  accessToken: string;
  expiresAt: number;
  userId: string;
  email: string;
  organizationId: string | null;
  role: Role | null;
}

interface SessionAnswer {
  access_token: string;
  expires_in: number;
  organization_id: string | null;
  role: string | null;
}

type Listener = (session: Session | null) => void;

let current: Session | null = null;
let refreshing: Promise<Session | null> | null = null;
const listeners = new Set<Listener>();

export function currentSession(): Session | null {
  return current;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function publish(session: Session | null): Session | null {
  current = session;
  for (const listener of listeners) listener(session);
  return session;
}

/** The claims the app shows (who, which organisation); the services verify the token. */
export function claimsOf(token: string): { sub: string; email: string } {
  const payload = token.split(".")[1] ?? "";
  const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  const claims = JSON.parse(json) as Record<string, unknown>;
  return { sub: String(claims.sub ?? ""), email: String(claims.email ?? "") };
}

function toSession(answer: SessionAnswer, now = Date.now()): Session {
  const claims = claimsOf(answer.access_token);
  return {
    accessToken: answer.access_token,
    expiresAt: now + answer.expires_in * 1000,
    userId: claims.sub,
    email: claims.email,
    organizationId: answer.organization_id,
    role: isRole(answer.role) ? answer.role : null,
  };
}

export function csrfToken(cookies: string = document.cookie): string | null {
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** Whether a refresh could work: without the CSRF cookie there is no session to restore. */
export function hasStoredSession(): boolean {
  return csrfToken() !== null;
}

async function post(path: string, body: object, csrf: boolean): Promise<Session> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const token = csrfToken();
  if (csrf && token) headers[CSRF_HEADER] = token;
  const response = await fetch(path, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!response.ok) throw await problemOf(response);
  return toSession((await response.json()) as SessionAnswer);
}

export async function signIn(email: string, password: string, totp?: string): Promise<Session> {
  return publish(await post(SESSION, { email, password, totp: totp || null }, false)) as Session;
}

/** A new access token from the refresh cookie, optionally for another organisation. */
export function refresh(organizationId?: string): Promise<Session | null> {
  if (refreshing && organizationId === undefined) return refreshing;
  const attempt = post(`${SESSION}/refresh`, organizationId ? { organization_id: organizationId } : {}, true)
    .then(publish)
    .catch((error: unknown) => {
      // A switch that fails leaves the current session; a failed renewal ends it.
      if (organizationId === undefined) publish(null);
      throw error;
    })
    .finally(() => {
      refreshing = null;
    });
  refreshing = attempt;
  return attempt;
}

/** A token fit to send now, renewing it first when it is about to expire. */
export async function validAccessToken(now = Date.now()): Promise<string | null> {
  if (!current) return null;
  if (current.expiresAt - now > EARLY_REFRESH_MS) return current.accessToken;
  try {
    return (await refresh())?.accessToken ?? null;
  } catch {
    return null;
  }
}

export async function signOut(): Promise<void> {
  const token = csrfToken();
  try {
    await fetch(SESSION, {
      method: "DELETE",
      headers: token ? { [CSRF_HEADER]: token } : {},
      credentials: "same-origin",
    });
  } finally {
    publish(null);
  }
}
