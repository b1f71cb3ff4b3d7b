/** Organisation roles, as the services check them (core/security.py's Identity.may). */
export type Role = "owner" | "admin" | "editor" | "viewer";

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };
const NEEDED: Record<string, Role> = { read: "viewer", write: "editor", admin: "admin" };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && value in RANK;
}

/** Whether a person with `role` may act with `scope` (`resource:action`). */
export function may(role: Role | null | undefined, scope: string): boolean {
  if (!role) return false;
  const action = scope.slice(scope.lastIndexOf(":") + 1);
  const needed = NEEDED[action] ?? "admin";
  return RANK[role] >= RANK[needed];
}
