/**
 * Switching the session to an organisation one has just joined (by creating it or by
 * accepting an invitation). Users records the membership and Auth learns of it by event,
 * so for a moment Auth still refuses the switch with 403: wait a little and ask again.
 */
import { ProblemError } from "../../api/problem";

export interface SwitchRetry {
  /** How many times to ask in all. */
  attempts: number;
  /** How long to wait between two asks, in milliseconds. */
  waitMs: number;
}

// About five seconds in all: the event usually arrives within a fraction of one.
export const SWITCH_RETRY: SwitchRetry = { attempts: 20, waitMs: 250 };

/** Whether a failed switch may still succeed once the membership reaches Auth. */
export function isMembershipPending(failure: unknown): boolean {
  return failure instanceof ProblemError && failure.status === 403;
}

/**
 * Ask `switchOrganization(organizationId)` until it succeeds, retrying a 403 up to
 * `retry.attempts` times in all; any other failure, or the last 403, is thrown.
 */
export async function switchWhenMember(
  switchOrganization: (organizationId: string) => Promise<void>,
  organizationId: string,
  retry: SwitchRetry = SWITCH_RETRY,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await switchOrganization(organizationId);
      return;
    } catch (failure) {
      if (!isMembershipPending(failure) || attempt >= retry.attempts) throw failure;
      await new Promise((resolve) => setTimeout(resolve, retry.waitMs));
    }
  }
}
