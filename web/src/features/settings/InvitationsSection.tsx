import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { ConfirmButton } from "../../components/ConfirmButton";
import { DataTable, type Column } from "../../components/DataTable";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatDateTime } from "../../lib/format";
import { grantableRoles, invitationBody, ROLE_LABEL, type InvitationForm } from "./members";
import { SecretOnce } from "./SecretOnce";
import type { Invitation, InvitationIssued, Role } from "./types";
import { useInvitations, useInvite, useRevokeInvitation } from "./useSettings";

export function InvitationsSection() {
  const { session } = useSession();
  const invitations = useInvitations();
  const invite = useInvite();
  const revoke = useRevokeInvitation();
  const [form, setForm] = useState<InvitationForm>({ email: "", role: "viewer" });
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<InvitationIssued | null>(null);
  const roles = grantableRoles(session?.role);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = invitationBody(form, session?.role);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setError(null);
    setIssued(null);
    invite.mutate(checked.value, {
      onSuccess: (answer) => {
        setIssued(answer);
        setForm({ email: "", role: form.role });
      },
      onError: (failure) => setError(messageOf(failure)),
    });
  };

  const columns: Column<Invitation>[] = [
    { key: "email", header: "Email", cell: (i) => i.email },
    { key: "role", header: "Role", cell: (i) => ROLE_LABEL[i.role] },
    {
      key: "status",
      header: "Status",
      cell: (i) => <span className={`badge ${i.status === "pending" ? "" : "bad"}`}>{i.status === "pending" ? "Pending" : "Expired"}</span>,
    },
    { key: "sent", header: "Sent", cell: (i) => formatDateTime(i.created_at) },
    { key: "expires", header: "Expires", cell: (i) => formatDateTime(i.expires_at) },
    {
      key: "actions",
      header: "Actions",
      cell: (i) => (
        <ConfirmButton
          text="Revoke"
          label={`Revoke the invitation to ${i.email}`}
          confirmText="Yes, revoke"
          busy={revoke.isPending && revoke.variables === i.id}
          onConfirm={() => revoke.mutate(i.id)}
        />
      ),
    },
  ];

  return (
    <>
      <section className="panel" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <p className="hint">
          The invitation is a token, valid for 7 days and usable once, that you send to the person yourself. They
          sign in (or sign up) with the invited email address, open{" "}
          <Link to="/invitations/accept">/invitations/accept</Link> and paste the token.
        </p>
        <form className="form" onSubmit={submit} noValidate>
          <div className="form-grid">
            <div>
              <label htmlFor="invite-email">Email</label>
              <input
                id="invite-email"
                type="email"
                autoComplete="off"
                required
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
            </div>
            <div>
              <label htmlFor="invite-role">Role</label>
              <select id="invite-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABEL[role]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit" disabled={invite.isPending}>
                {invite.isPending ? "Inviting…" : "Invite"}
              </button>
            </div>
          </div>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
        </form>
        {issued && (
          <SecretOnce title={`Invitation token for ${issued.email}`} value={issued.token} onDone={() => setIssued(null)}>
            <p>
              Send it to {issued.email}. It makes them {ROLE_LABEL[issued.role].toLowerCase()} and works until{" "}
              {formatDateTime(issued.expires_at)}.
            </p>
          </SecretOnce>
        )}
      </section>
      <section className="panel" aria-labelledby="invitations-title">
        <h2 id="invitations-title">Open invitations</h2>
        {revoke.isError && (
          <p role="alert" className="field-error">
            Could not revoke: {messageOf(revoke.error)}
          </p>
        )}
        {invitations.isPending ? (
          <Loading what="invitations" />
        ) : invitations.isError ? (
          <ErrorState error={invitations.error} retry={() => void invitations.refetch()} />
        ) : (
          <DataTable
            caption="Invitations not yet accepted or revoked"
            columns={columns}
            rows={invitations.data}
            rowKey={(i) => i.id}
            empty={
              <EmptyState title="No open invitations">
                <p>Invite someone with the form above: they join with the role you choose.</p>
              </EmptyState>
            }
          />
        )}
      </section>
    </>
  );
}
