/** Shaping for accepting an invitation: the token as pasted, and what to say when it fails. */
import { messageOf, ProblemError } from "../../api/problem";
import type { Role } from "../../auth/roles";

/**
 * The token in what was pasted: trimmed, and taken out of a whole link
 * (…/invitations/accept?token=…) when someone pastes that instead.
 */
export function tokenOf(pasted: string): string {
  const text = pasted.trim();
  const query = text.indexOf("?");
  if (query >= 0) {
    const token = new URLSearchParams(text.slice(query + 1)).get("token");
    if (token) return token.trim();
  }
  return text;
}

export interface AcceptFailure {
  /** "Not accepted: " and the problem's own detail, as the API said it. */
  message: string;
  /** What the person can do about it, when the status says. */
  advice: string | null;
}

const ADVICE: Record<number, string> = {
  403: "Sign in with the email address the invitation was sent to, then paste the token again.",
  404: "Check that you pasted the whole token. If it is right, ask whoever invited you for a new invitation.",
  409: "If you are already a member, choose the organisation in the organisation switcher.",
  410: "Ask an admin of the organisation to invite you again.",
};

/** Why an acceptance failed (wrong or expired token, another email…), with advice. */
export function acceptFailure(error: unknown): AcceptFailure {
  const advice = error instanceof ProblemError ? (ADVICE[error.status] ?? null) : null;
  const detail = messageOf(error).trim().replace(/[.!]$/, "");
  return { message: `Not accepted: ${detail}.`, advice };
}

const AS_ROLE: Record<Role, string> = { owner: "an owner", admin: "an admin", editor: "an editor", viewer: "a viewer" };

/** "You joined Demo Organisation as an editor." */
export function joinedMessage(organization: { name: string; role: Role }): string {
  return `You joined ${organization.name} as ${AS_ROLE[organization.role]}.`;
}
