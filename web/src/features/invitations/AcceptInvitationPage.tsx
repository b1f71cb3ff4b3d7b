import { useId, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { PageHeader } from "../../components/PageHeader";
import { acceptFailure, joinedMessage, tokenOf } from "./accept";
import { useAcceptInvitation } from "./useAcceptInvitation";

/** /invitations/accept: paste the token an admin sent (or arrive with ?token=), join, and go to the overview. */
export function AcceptInvitationPage() {
  const id = useId();
  const { session } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [token, setToken] = useState(() => search.get("token") ?? "");
  const [missing, setMissing] = useState(false);
  const { accept, busy, error, joined } = useAcceptInvitation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const pasted = tokenOf(token);
    setMissing(pasted === "");
    if (pasted === "" && !joined) return;
    if (await accept(pasted)) navigate("/", { replace: true });
  };

  const failure = error && !joined ? acceptFailure(error) : null;

  return (
    <section className="narrow">
      <PageHeader title="Accept an invitation" />
      {joined ? (
        <form className="form" onSubmit={(event) => void submit(event)}>
          <p className="notice" role="status">
            {joinedMessage(joined)}
            {error ? ` Your session could not switch to it yet (${messageOf(error)}).` : " Opening it…"}
          </p>
          <button type="submit" disabled={busy}>
            {busy ? "Opening…" : `Open ${joined.name}`}
          </button>
        </form>
      ) : (
        <>
          <p>
            An admin of an organisation invited you and sent you a token. Paste it here to join with the role they
            chose. The invitation must have been sent to the address you are signed in with
            {session?.email ? ` (${session.email})` : ""}.
          </p>
          <form className="form" onSubmit={(event) => void submit(event)} noValidate>
            <label htmlFor={`${id}-token`}>Invitation token</label>
            <input
              id={`${id}-token`}
              name="token"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              required
              aria-invalid={missing || failure ? true : undefined}
              aria-describedby={failure || missing ? `${id}-error` : undefined}
              value={token}
              onChange={(event) => setToken(event.target.value)}
            />
            {missing && (
              <p id={`${id}-error`} role="alert" className="field-error">
                Paste the invitation token you were sent.
              </p>
            )}
            {failure && !missing && (
              <div id={`${id}-error`} role="alert">
                <p className="field-error">{failure.message}</p>
                {failure.advice && <p className="hint">{failure.advice}</p>}
              </div>
            )}
            <button type="submit" disabled={busy}>
              {busy ? "Accepting…" : "Accept invitation"}
            </button>
          </form>
          <p className="hint">
            No invitation? <Link to="/organizations/new">Create an organisation</Link> of your own instead.
          </p>
        </>
      )}
    </section>
  );
}
