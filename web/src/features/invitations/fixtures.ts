/**
 * Answers captured from the real API (ecotrack up, the demo organisation), for the tests.
 * Nothing here is invented: each constant is one answer, as the API sent it.
 */
import type { Problem } from "../../api/problem";
import type { OrganizationOut } from "./types";

/** 403 from POST /api/v1/auth/session/refresh {organization_id} before the membership reached Auth. */
export const PROBLEM_SWITCH_NOT_MEMBER: Problem = {
  "type": "https://ecotrack.dev/problems/forbidden",
  "title": "Forbidden",
  "status": 403,
  "detail": "you are not a member of that organisation",
  "instance": "/api/v1/auth/session/refresh"
};

/** 200 from POST /api/v1/users/invitations/accept (the demo organisation, invited as editor). */
export const ACCEPTED: OrganizationOut = {
  "id": "2a865bf0-18bf-425f-92da-89bd3cbb00d0",
  "name": "Demo Organisation",
  "created_at": "2026-12-02T05:51:50.614740Z",
  "role": "editor"
};

/** 404 from POST /api/v1/users/invitations/accept with a token no invitation has. */
export const PROBLEM_UNKNOWN_TOKEN: Problem = {
  "type": "https://ecotrack.dev/problems/not-found",
  "title": "Not Found",
  "status": 404,
  "detail": "no invitation has this token",
  "instance": "/api/v1/users/invitations/accept"
};

/** 403 from POST /api/v1/users/invitations/accept by a person the invitation was not sent to. */
export const PROBLEM_OTHER_EMAIL: Problem = {
  "type": "https://ecotrack.dev/problems/forbidden",
  "title": "Forbidden",
  "status": 403,
  "detail": "this invitation was sent to another email address",
  "instance": "/api/v1/users/invitations/accept"
};

/** 410 from POST /api/v1/users/invitations/accept with a token already used. */
export const PROBLEM_ALREADY_ACCEPTED: Problem = {
  "type": "https://ecotrack.dev/problems/invitation-unusable",
  "title": "Gone",
  "status": 410,
  "detail": "this invitation has already been used",
  "instance": "/api/v1/users/invitations/accept",
  "reason": "accepted"
};
