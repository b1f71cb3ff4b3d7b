/** The Users wire types this feature uses, named once (from the generated schema). */
import type { components } from "../../api/schema";

/** What POST /api/v1/users/invitations/accept answers: the organisation joined, with the role. */
export type OrganizationOut = components["schemas"]["OrganizationOut"];
