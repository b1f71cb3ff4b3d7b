import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { PageHeader } from "../../components/PageHeader";
import { switchWhenMember } from "../invitations/switchWhenMember";

export function CreateOrganizationPage() {
  const { switchOrganization } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const organization = await unwrap(api.POST("/api/v1/users/organizations", { body: { name } }));
      // A new membership reaches Auth by event: the switch may need a moment to be accepted.
      await switchWhenMember(switchOrganization, organization.id);
      navigate("/");
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <PageHeader title="Create an organisation" />
      <p>An organisation holds your facilities, activities and reports. You will be its owner.</p>
      <form onSubmit={(event) => void submit(event)} className="form">
        <label htmlFor="org-name">Name</label>
        <input id="org-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        {error && <p role="alert" className="field-error">{error}</p>}
        <button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create organisation"}
        </button>
      </form>
      <p className="hint">
        Have an invitation? <Link to="/invitations/accept">Accept it</Link>
      </p>
    </section>
  );
}
