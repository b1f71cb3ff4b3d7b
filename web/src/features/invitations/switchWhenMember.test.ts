import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProblemError } from "../../api/problem";
import { isMembershipPending, switchWhenMember } from "./switchWhenMember";
import { PROBLEM_SWITCH_NOT_MEMBER } from "./fixtures";

const ORG = "2a865bf0-18bf-425f-92da-89bd3cbb00d0";
const notYet = () => new ProblemError(403, PROBLEM_SWITCH_NOT_MEMBER);

describe("switchWhenMember", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("switches at once when Auth already knows the membership", async () => {
    const switchOrganization = vi.fn().mockResolvedValue(undefined);
    await switchWhenMember(switchOrganization, ORG);
    expect(switchOrganization).toHaveBeenCalledTimes(1);
    expect(switchOrganization).toHaveBeenCalledWith(ORG);
  });

  it("waits and asks again while Auth answers 403", async () => {
    const switchOrganization = vi
      .fn<(id: string) => Promise<void>>()
      .mockRejectedValueOnce(notYet())
      .mockRejectedValueOnce(notYet())
      .mockResolvedValue(undefined);
    let done = false;
    const switching = switchWhenMember(switchOrganization, ORG, { attempts: 5, waitMs: 250 }).then(() => {
      done = true;
    });

    await vi.advanceTimersByTimeAsync(0);
    expect(switchOrganization).toHaveBeenCalledTimes(1);
    // No second ask before the wait is over.
    await vi.advanceTimersByTimeAsync(249);
    expect(switchOrganization).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(switchOrganization).toHaveBeenCalledTimes(2);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(250);
    await switching;
    expect(switchOrganization).toHaveBeenCalledTimes(3);
    expect(done).toBe(true);
  });

  it("gives up after the last attempt with Auth's 403", async () => {
    const switchOrganization = vi.fn<(id: string) => Promise<void>>().mockRejectedValue(notYet());
    const switching = switchWhenMember(switchOrganization, ORG, { attempts: 3, waitMs: 100 });
    const outcome = expect(switching).rejects.toMatchObject({ status: 403, message: PROBLEM_SWITCH_NOT_MEMBER.detail });
    await vi.advanceTimersByTimeAsync(1_000);
    await outcome;
    expect(switchOrganization).toHaveBeenCalledTimes(3);
  });

  it("does not retry other failures", async () => {
    const gone = new ProblemError(401, { status: 401, title: "Unauthorized", detail: "no session" });
    const switchOrganization = vi.fn<(id: string) => Promise<void>>().mockRejectedValue(gone);
    await expect(switchWhenMember(switchOrganization, ORG)).rejects.toBe(gone);
    expect(switchOrganization).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("treats only a 403 problem as a membership on its way", () => {
    expect(isMembershipPending(notYet())).toBe(true);
    expect(isMembershipPending(new ProblemError(404, { status: 404 }))).toBe(false);
    expect(isMembershipPending(new Error("network"))).toBe(false);
  });
});
