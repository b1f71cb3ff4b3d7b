/** The settings tabs, who may open each (the scope its routes check), and who may change things. */

export type SectionId =
  | "members"
  | "invitations"
  | "audit-log"
  | "api-keys"
  | "webhooks"
  | "private-factors"
  | "instruments"
  | "denominators";

export interface Section {
  id: SectionId;
  label: string;
  /** What reading the section's routes needs: the tab is hidden (and never fetched) without it. */
  read: string;
  /** Who may see it, and what it is, for a page someone reached without the role. */
  who: string;
  noun: string;
}

export const SECTIONS: readonly Section[] = [
  { id: "members", label: "Members", read: "users:read", who: "every member", noun: "the member list" },
  { id: "invitations", label: "Invitations", read: "users:admin", who: "admins and owners", noun: "invitations" },
  { id: "audit-log", label: "Audit log", read: "users:admin", who: "admins and owners", noun: "the audit log" },
  { id: "api-keys", label: "API keys", read: "api_keys:admin", who: "admins and owners", noun: "API keys" },
  { id: "webhooks", label: "Webhooks", read: "webhooks:admin", who: "admins and owners", noun: "webhooks" },
  { id: "private-factors", label: "Private factors", read: "factors:read", who: "every member", noun: "private factors" },
  { id: "instruments", label: "Instruments", read: "factors:read", who: "every member", noun: "contractual instruments" },
  { id: "denominators", label: "Denominators", read: "reports:read", who: "every member", noun: "intensity denominators" },
];

export const DEFAULT_SECTION: SectionId = "members";

export function visibleSections(can: (scope: string) => boolean): Section[] {
  return SECTIONS.filter((section) => can(section.read));
}

export type Resolved =
  | { kind: "redirect"; to: SectionId }
  | { kind: "show"; section: Section }
  | { kind: "forbidden"; section: Section }
  | { kind: "unknown" };

/** What `/settings/:section?` shows: the default tab, a tab, a "not for your role" note, or 404. */
export function resolveSection(param: string | undefined, can: (scope: string) => boolean): Resolved {
  if (param === undefined || param === "") return { kind: "redirect", to: DEFAULT_SECTION };
  const section = SECTIONS.find((s) => s.id === param);
  if (!section) return { kind: "unknown" };
  return can(section.read) ? { kind: "show", section } : { kind: "forbidden", section };
}
