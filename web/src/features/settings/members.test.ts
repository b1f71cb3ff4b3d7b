import { describe, expect, it } from "vitest";
import { ProblemError } from "../../api/problem";
import { audit, duplicateInvitationProblem, lastOwnerProblem, members, pendingInvitation } from "./fixtures";
import {
  describeAudit,
  grantableRoles,
  invitationBody,
  memberControls,
  memberName,
  membershipProblem,
  namesById,
} from "./members";

const [demo, bob, vera] = members.items;
if (!demo || !bob || !vera) throw new Error("fixture members missing");

describe("memberControls", () => {
  it("lets an owner change every role and remove others, but not remove themself here", () => {
    expect(memberControls(demo, "owner", demo.user_id)).toEqual({ roles: ["owner", "admin", "editor", "viewer"], removable: false });
    expect(memberControls(bob, "owner", demo.user_id)).toEqual({ roles: ["owner", "admin", "editor", "viewer"], removable: true });
  });
  it("keeps owners and the owner role out of an admin's hands", () => {
    expect(memberControls(demo, "admin", bob.user_id)).toEqual({ roles: null, removable: false });
    expect(memberControls(vera, "admin", bob.user_id)).toEqual({ roles: ["admin", "editor", "viewer"], removable: true });
    expect(grantableRoles("admin")).not.toContain("owner");
  });
  it("gives editors and viewers no controls", () => {
    expect(memberControls(vera, "editor", bob.user_id)).toEqual({ roles: null, removable: false });
    expect(memberControls(bob, "viewer", vera.user_id)).toEqual({ roles: null, removable: false });
  });
});

describe("membershipProblem", () => {
  it("names the last owner in words instead of an id", () => {
    const error = new ProblemError(409, lastOwnerProblem);
    expect(membershipProblem(error, demo)).toBe(
      "Demo User is the last owner of this organisation: make another member owner first, then try again.",
    );
  });
  it("passes other problems through", () => {
    const error = new ProblemError(409, duplicateInvitationProblem);
    expect(membershipProblem(error, bob)).toBe("tom@example.com already has a pending invitation; revoke it to send another");
  });
});

describe("invitationBody", () => {
  it("builds the body that created the captured invitation", () => {
    expect(invitationBody({ email: " tom@example.com ", role: "viewer" }, "owner")).toEqual({
      ok: true,
      value: { email: pendingInvitation.email, role: pendingInvitation.role },
    });
  });
  it("refuses what the API would", () => {
    expect(invitationBody({ email: "tom", role: "viewer" }, "owner").ok).toBe(false);
    expect(invitationBody({ email: "tom@example.com", role: "owner" }, "admin")).toEqual({
      ok: false,
      error: "Only an owner may invite an owner.",
    });
  });
});

describe("describeAudit", () => {
  const names = namesById(members.items);
  const lines = audit.map((entry) => describeAudit(entry, names, [pendingInvitation]));

  it("says who did what, naming members and open invitations", () => {
    expect(lines).toEqual([
      { who: "Demo User", what: "Removed a former member (f48d6887) (was viewer)" },
      { who: "a former member (f48d6887)", what: "Joined as viewer" },
      { who: "Demo User", what: "Invited tom@example.com as viewer" },
      { who: "Demo User", what: "Revoked the invitation" },
      { who: "Demo User", what: "Changed Bob Editor's role from editor to admin" },
      { who: "Demo User", what: "Joined as owner" },
      { who: "Demo User", what: "Created the organisation" },
    ]);
  });
  it("falls back to the email, then a short id, for a member without a profile yet", () => {
    expect(memberName({ ...bob, name: null })).toBe("bob@example.com");
    expect(memberName({ ...bob, name: null, email: null })).toBe("Member 4d6db031");
  });
});
