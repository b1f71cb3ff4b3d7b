import { describe, expect, it } from "vitest";
import { ProblemError } from "../../api/problem";
import { acceptFailure, joinedMessage, tokenOf } from "./accept";
import { ACCEPTED, PROBLEM_ALREADY_ACCEPTED, PROBLEM_OTHER_EMAIL, PROBLEM_UNKNOWN_TOKEN } from "./fixtures";

const problem = (p: { status?: number }) => new ProblemError(p.status ?? 500, p);

describe("tokenOf", () => {
  it("takes the token as pasted, without the spaces around it", () => {
    expect(tokenOf("  3fQ0-x_Jk9  \n")).toBe("3fQ0-x_Jk9");
  });

  it("takes the token out of a whole pasted link", () => {
    expect(tokenOf("http://localhost:5106/invitations/accept?token=3fQ0-x_Jk9")).toBe("3fQ0-x_Jk9");
    expect(tokenOf("/invitations/accept?from=mail&token=abc%2Ddef")).toBe("abc-def");
  });
});

describe("acceptFailure", () => {
  it("shows the API's detail with what to do, for each refusal", () => {
    expect(acceptFailure(problem(PROBLEM_UNKNOWN_TOKEN))).toEqual({
      message: "Not accepted: no invitation has this token.",
      advice: "Check that you pasted the whole token. If it is right, ask whoever invited you for a new invitation.",
    });
    expect(acceptFailure(problem(PROBLEM_OTHER_EMAIL))).toMatchObject({
      message: "Not accepted: this invitation was sent to another email address.",
      advice: expect.stringMatching(/^Sign in with the email address the invitation was sent to/),
    });
    expect(acceptFailure(problem(PROBLEM_ALREADY_ACCEPTED))).toEqual({
      message: "Not accepted: this invitation has already been used.",
      advice: "Ask an admin of the organisation to invite you again.",
    });
  });

  it("gives no advice it cannot back", () => {
    expect(acceptFailure(new TypeError("Failed to fetch"))).toEqual({ message: "Not accepted: Failed to fetch.", advice: null });
  });
});

describe("joinedMessage", () => {
  it("names the organisation and the role", () => {
    expect(joinedMessage(ACCEPTED)).toBe("You joined Demo Organisation as an editor.");
    expect(joinedMessage({ ...ACCEPTED, role: "viewer" })).toBe("You joined Demo Organisation as a viewer.");
  });
});
