import { useState } from "react";
import { useSession } from "../../auth/SessionProvider";
import { ConfirmButton } from "../../components/ConfirmButton";
import { DataTable, type Column } from "../../components/DataTable";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatDate } from "../../lib/format";
import { memberControls, memberName, membershipProblem, ROLE_LABEL } from "./members";
import { Pager, useCursorPages } from "./Pager";
import type { Member, Role } from "./types";
import { useChangeRole, useMembers, useRemoveMember } from "./useSettings";

// A role change reaches Auth by event: renew the token a moment later to carry the new role.
const RENEW_AFTER_MS = 600;

export function MembersSection() {
  const { session, can, switchOrganization } = useSession();
  const pages = useCursorPages();
  const members = useMembers(pages.cursor);
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const [said, setSaid] = useState<{ kind: "ok" | "problem"; text: string } | null>(null);
  const admin = can("users:admin");

  const onRole = (member: Member, role: Role) => {
    setSaid(null);
    changeRole.mutate(
      { userId: member.user_id, role },
      {
        onSuccess: () => {
          const self = member.user_id === session?.userId;
          setSaid({ kind: "ok", text: `${self ? "You are" : `${memberName(member)} is`} now ${ROLE_LABEL[role].toLowerCase()}.` });
          if (self && session?.organizationId) {
            const organization = session.organizationId;
            setTimeout(() => void switchOrganization(organization).catch(() => undefined), RENEW_AFTER_MS);
          }
        },
        onError: (error) => setSaid({ kind: "problem", text: membershipProblem(error, member) }),
      },
    );
  };

  const onRemove = (member: Member) => {
    setSaid(null);
    remove.mutate(member.user_id, {
      onSuccess: () => setSaid({ kind: "ok", text: `${memberName(member)} is no longer a member.` }),
      onError: (error) => setSaid({ kind: "problem", text: membershipProblem(error, member) }),
    });
  };

  const columns: Column<Member>[] = [
    {
      key: "name",
      header: "Name",
      cell: (m) => (
        <>
          {m.name ?? <span className="hint">Profile not synced yet</span>}
          {m.user_id === session?.userId && <span className="badge you">you</span>}
        </>
      ),
    },
    { key: "email", header: "Email", cell: (m) => m.email ?? "–" },
    {
      key: "role",
      header: "Role",
      cell: (m) => {
        const controls = memberControls(m, session?.role, session?.userId);
        if (!controls.roles) return ROLE_LABEL[m.role];
        const id = `role-${m.user_id}`;
        return (
          <>
            <label htmlFor={id} className="visually-hidden">
              Role for {memberName(m)}
            </label>
            <select
              id={id}
              value={m.role}
              disabled={changeRole.isPending && changeRole.variables?.userId === m.user_id}
              onChange={(e) => onRole(m, e.target.value as Role)}
            >
              {controls.roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABEL[role]}
                </option>
              ))}
            </select>
          </>
        );
      },
    },
    { key: "joined", header: "Joined", cell: (m) => formatDate(m.joined_at) },
  ];
  if (admin) {
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (m) =>
        memberControls(m, session?.role, session?.userId).removable ? (
          <ConfirmButton
            text="Remove"
            label={`Remove ${memberName(m)}`}
            confirmText="Yes, remove"
            busy={remove.isPending && remove.variables === m.user_id}
            onConfirm={() => onRemove(m)}
          />
        ) : null,
    });
  }

  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      <p className="hint">
        Viewers read the organisation's data, editors also record and change it, admins also manage members,
        invitations, API keys and webhooks, and owners may do everything, including granting the owner role.
      </p>
      {said && (
        <p role={said.kind === "ok" ? "status" : "alert"} className={said.kind === "ok" ? "notice" : "field-error"}>
          {said.text}
        </p>
      )}
      {members.isPending ? (
        <Loading what="members" />
      ) : members.isError ? (
        <ErrorState error={members.error} retry={() => void members.refetch()} />
      ) : (
        <>
          <DataTable
            caption="Members of the organisation, in joining order"
            columns={columns}
            rows={members.data.items}
            rowKey={(m) => m.user_id}
            empty={<EmptyState title="No members on this page">Go back to the first page.</EmptyState>}
          />
          <Pager
            what="members"
            page={pages.page}
            hasPrevious={pages.page > 1}
            hasNext={members.data.next_cursor !== null}
            busy={members.isFetching}
            onPrevious={pages.previous}
            onNext={() => members.data.next_cursor && pages.next(members.data.next_cursor)}
          />
        </>
      )}
    </section>
  );
}
