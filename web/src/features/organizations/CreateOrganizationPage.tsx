import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { messageOf, ProblemError } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { PageHeader } from "../../components/PageHeader";

// A new membership reaches Auth by event: a switch may need a moment to be accepted.
const SWITCH_ATTEMPTS = 20;
const SWITCH_WAIT_MS = 250;

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
      for (let attempt = 1; ; attempt += 1) {
        try {
          await switchOrganization(organization.id);
          break;
        } catch (failure) {
          const pending = failure instanceof ProblemError && failure.status === 403;
          if (!pending || attempt >= SWITCH_ATTEMPTS) throw failure;
          await new Promise((resolve) => setTimeout(resolve, SWITCH_WAIT_MS));
        }
      }
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
    </section>
  );
}
