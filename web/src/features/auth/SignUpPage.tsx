import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { messageOf, ProblemError } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { PageHeader } from "../../components/PageHeader";

export function SignUpPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The answer is the same whether or not the address already has an account.
      await unwrap(api.POST("/api/v1/auth/signup", { body: { name, email, password } }));
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
      return;
    }
    try {
      await signIn(email, password);
      navigate("/organizations/new", { replace: true });
    } catch (failure) {
      setError(
        failure instanceof ProblemError && failure.status === 401
          ? "This address and password do not sign in. If the address already had an account, sign in with that account's password."
          : messageOf(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="auth-page">
      <section className="auth-card">
        <PageHeader title="Create your EcoTrack account" />
        <form onSubmit={(event) => void submit(event)} className="form">
          <label htmlFor="name">Your name</label>
          <input id="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <label htmlFor="password">Password</label>
          <input
            id="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            aria-describedby="password-hint"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p id="password-hint" className="hint">
            At least 10 characters and hard to guess: no common password, sequence or your own name. A few
            unrelated words work well.
          </p>
          {error && <p role="alert" className="field-error">{error}</p>}
          <button type="submit" disabled={busy}>
            {busy ? "Creating…" : "Create account"}
          </button>
        </form>
        <p>
          Have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </section>
    </main>
  );
}
