import { useState } from "react";
import { useNavigate } from "react-router";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { useOrganizations } from "./useOrganizations";

const CREATE = "__create__";

/** Switches the session to another organisation: a new access token, no password. */
export function OrganizationSwitcher() {
  const { session, switchOrganization } = useSession();
  const organizations = useOrganizations();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  const choose = async (value: string) => {
    if (value === CREATE) {
      navigate("/organizations/new");
      return;
    }
    setError(null);
    try {
      await switchOrganization(value);
      navigate("/");
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <div className="org-switcher">
      <label htmlFor="organization">Organisation</label>
      <select
        id="organization"
        value={session?.organizationId ?? ""}
        onChange={(event) => void choose(event.target.value)}
      >
        {!session?.organizationId && <option value="">None yet</option>}
        {organizations.data?.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name} ({organization.role})
          </option>
        ))}
        <option value={CREATE}>+ Create organisation…</option>
      </select>
      {error && <p role="alert" className="field-error">{error}</p>}
    </div>
  );
}
