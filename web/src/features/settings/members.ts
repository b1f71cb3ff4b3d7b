/** Members, invitations and the audit log: who may do what to whom, and entries in words. */
import { messageOf, ProblemError } from "../../api/problem";
import type { AuditEntry, Invitation, InvitationCreate, Member, Role } from "./types";

export const ROLES: readonly Role[] = ["owner", "admin", "editor", "viewer"];

export const ROLE_LABEL: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  editor: "Editor",
  viewer: "Viewer",
};

/** A member's name as people read it: the name, else the email, else a placeholder. */
export function memberName(member: Pick<Member, "name" | "email" | "user_id">): string {
  return member.name || member.email || `Member ${member.user_id.slice(0, 8)}`;
}

/** Roles someone with `myRole` may hand out: only an owner grants the owner role. */
export function grantableRoles(myRole: Role | null | undefined): Role[] {
  if (myRole === "owner") return [...ROLES];
  if (myRole === "admin") return ROLES.filter((role) => role !== "owner");
  return [];
}

export interface MemberControls {
  /** The roles the select offers (the member's own first among them), or null: no select. */
  roles: Role[] | null;
  removable: boolean;
}

/**
 * What the signed-in person may do to a member (users/service.py): admins and owners change
 * roles and remove members, but only an owner changes or removes an owner or grants the owner
 * role. The last-owner rule is the API's to check (409), since it depends on every member.
 */
export function memberControls(member: Member, myRole: Role | null | undefined, myId: string | undefined): MemberControls {
  const grantable = grantableRoles(myRole);
  if (grantable.length === 0) return { roles: null, removable: false };
  if (member.role === "owner" && myRole !== "owner") return { roles: null, removable: false };
  return { roles: grantable, removable: member.user_id !== myId };
}

/** What went wrong with a membership change, in words (the last-owner 409 named plainly). */
export function membershipProblem(error: unknown, member: Pick<Member, "name" | "email" | "user_id">): string {
  if (error instanceof ProblemError && error.status === 409 && error.problem.type?.endsWith("/last-owner")) {
    return `${memberName(member)} is the last owner of this organisation: make another member owner first, then try again.`;
  }
  return messageOf(error);
}

// --- invitations ---------------------------------------------------------------------------

export interface InvitationForm {
  email: string;
  role: Role;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export function invitationBody(form: InvitationForm, myRole: Role | null | undefined): Checked<InvitationCreate> {
  const email = form.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false, error: "Enter the email address to invite." };
  if (!grantableRoles(myRole).includes(form.role)) return { ok: false, error: "Only an owner may invite an owner." };
  return { ok: true, value: { email, role: form.role } };
}

// --- audit log -----------------------------------------------------------------------------

export interface AuditLine {
  who: string;
  what: string;
}

/** People by id, from the member list, to name actors and subjects. */
export function namesById(members: readonly Member[]): Map<string, string> {
  return new Map(members.map((member) => [member.user_id, memberName(member)]));
}

function person(id: string | null, names: Map<string, string>): string {
  if (!id) return "someone";
  return names.get(id) ?? `a former member (${id.slice(0, 8)})`;
}

function role(value: Role | null): string {
  return value ? ROLE_LABEL[value].toLowerCase() : "an unknown role";
}

/** API keys by id, from the API key list, to name the keys that acted. */
export function keyNamesById(keys: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map(keys.map((key) => [key.id, key.name]));
}

function actor(entry: AuditEntry, names: Map<string, string>, keys: Map<string, string>): string {
  if (entry.actor_kind !== "api_key") return person(entry.actor_id, names);
  const name = keys.get(entry.actor_id);
  return name ? `API key “${name}”` : `an API key (${entry.actor_id.slice(0, 8)})`;
}

/** What the other services report (docs/api.md, The audit log), in words; `detail` names the object. */
function reported(entry: AuditEntry): string | null {
  const about = entry.detail ? `: ${entry.detail}` : "";
  switch (entry.action) {
    case "audit_log.exported":
      return "Exported the audit log";
    case "api_key.created":
      return `Created an API key${about}`;
    case "api_key.revoked":
      return `Revoked an API key${about}`;
    case "private_factor.created":
      return `Added a private emission factor${about}`;
    case "private_factor.deleted":
      return `Deleted a private emission factor${about}`;
    case "instrument.created":
      return `Added a contractual instrument${about}`;
    case "instrument.deleted":
      return `Deleted a contractual instrument${about}`;
    case "period.closed":
      return `Closed the reporting period${about}`;
    case "recalculation.applied":
      return `Applied a recalculation${about}`;
    case "webhook.created":
      return `Registered a webhook${about}`;
    case "webhook.deleted":
      return `Removed a webhook${about}`;
    case "report.exported":
      return `Exported a report${about}`;
    default:
      return null;
  }
}

/** One audit entry in words: who did it (a person or an API key) and what they did. */
export function describeAudit(
  entry: AuditEntry,
  names: Map<string, string>,
  invitations: readonly Pick<Invitation, "id" | "email">[] = [],
  keys: Map<string, string> = new Map(),
): AuditLine {
  const who = actor(entry, names, keys);
  const other = reported(entry);
  if (other !== null) return { who, what: other };
  const self = entry.subject_id === entry.actor_id;
  const subject = person(entry.subject_id, names);
  const invited = invitations.find((invitation) => invitation.id === entry.subject_id);
  switch (entry.action) {
    case "organization.created":
      return { who, what: "Created the organisation" };
    case "member.added":
      return { who, what: self ? `Joined as ${role(entry.role)}` : `Added ${subject} as ${role(entry.role)}` };
    case "member.role_changed":
      return {
        who,
        what: `Changed ${self ? "their own" : `${subject}'s`} role from ${role(entry.previous_role)} to ${role(entry.role)}`,
      };
    case "member.removed":
      return {
        who,
        what: self
          ? `Left the organisation (was ${role(entry.previous_role)})`
          : `Removed ${subject} (was ${role(entry.previous_role)})`,
      };
    case "invitation.created":
      return { who, what: `Invited ${invited ? invited.email : "someone"} as ${role(entry.role)}` };
    case "invitation.revoked":
      return { who, what: `Revoked the invitation${invited ? ` to ${invited.email}` : ""}` };
    default:
      return { who, what: String(entry.action) };
  }
}
