import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { messageOf, ProblemError } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { PageHeader } from "../../components/PageHeader";

export function SignInPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = (location.state as { from?: string } | null)?.from ?? "/";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(email, password, totp || undefined);
      // Someone without an organisation yet may be on the way to accept an invitation.
      const onward = session.organizationId || next.startsWith("/invitations/") ? next : "/organizations/new";
      navigate(onward, { replace: true });
    } catch (failure) {
      if (failure instanceof ProblemError && failure.problem.mfa_required) setNeedsTotp(true);
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="auth-page">
      <section className="auth-card">
        <PageHeader title="Sign in to EcoTrack" />
        <form onSubmit={(event) => void submit(event)} className="form">
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <label htmlFor="password">Password</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {needsTotp && (
            <>
              <label htmlFor="totp">Authenticator code</label>
              <input id="totp" inputMode="numeric" autoComplete="one-time-code" value={totp} onChange={(e) => setTotp(e.target.value)} />
            </>
          )}
          {error && <p role="alert" className="field-error">{error}</p>}
          <button type="submit" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
        <p>
          New here? <Link to="/sign-up">Create an account</Link>
        </p>
      </section>
    </main>
  );
}
