/** Accepting an invitation, then switching the session to the organisation joined. */
import { useCallback, useState } from "react";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/SessionProvider";
import { switchWhenMember } from "./switchWhenMember";
import type { OrganizationOut } from "./types";

export interface AcceptInvitation {
  /** Accept `token` (unless already accepted here) and switch to its organisation. */
  accept: (token: string) => Promise<boolean>;
  busy: boolean;
  /** Why the last try failed: the acceptance itself, or (with `joined` set) the switch. */
  error: unknown;
  /** The organisation joined, once Users has accepted the token. */
  joined: OrganizationOut | null;
}

export function useAcceptInvitation(): AcceptInvitation {
  const { switchOrganization } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [joined, setJoined] = useState<OrganizationOut | null>(null);

  const accept = useCallback(
    async (token: string) => {
      setBusy(true);
      setError(null);
      try {
        // A token works once: after Users accepted it, a second try only switches.
        let organization = joined;
        if (!organization) {
          organization = await unwrap(api.POST("/api/v1/users/invitations/accept", { body: { token } }));
          setJoined(organization);
        }
        await switchWhenMember(switchOrganization, organization.id);
        return true;
      } catch (failure) {
        setError(failure);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [joined, switchOrganization],
  );

  return { accept, busy, error, joined };
}
