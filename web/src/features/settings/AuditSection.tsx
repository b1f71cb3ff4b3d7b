import { useMemo } from "react";
import { DataTable, type Column } from "../../components/DataTable";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatDateTime } from "../../lib/format";
import { describeAudit, keyNamesById, namesById } from "./members";
import { Pager, useCursorPages } from "./Pager";
import type { AuditEntry } from "./types";
import { useAllMembers, useApiKeys, useAuditLog, useInvitations } from "./useSettings";

export function AuditSection() {
  const pages = useCursorPages();
  const log = useAuditLog(pages.cursor);
  // Names for the ids in the log: members now, and open invitations' emails.
  const members = useAllMembers(true);
  const invitations = useInvitations();
  // And the organisation's API keys, to name the keys that acted.
  const apiKeys = useApiKeys();
  const names = useMemo(() => namesById(members.data ?? []), [members.data]);
  const keys = useMemo(() => keyNamesById(apiKeys.data ?? []), [apiKeys.data]);
  const describe = (e: AuditEntry) => describeAudit(e, names, invitations.data, keys);

  const columns: Column<AuditEntry>[] = [
    { key: "when", header: "When", cell: (e) => formatDateTime(e.at) },
    { key: "who", header: "Who", cell: (e) => describe(e).who },
    { key: "what", header: "What", cell: (e) => describe(e).what },
    { key: "where", header: "From where", cell: (e) => e.client_address ?? <span className="hint">not recorded</span> },
  ];

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p className="hint">
        Who did what, newest first, with the address each request came from: membership and role changes,
        invitations, API keys, private factors and instruments, closed periods, recalculations, webhooks and report
        exports, by people and by API keys.
      </p>
      {log.isPending ? (
        <Loading what="the audit log" />
      ) : log.isError ? (
        <ErrorState error={log.error} retry={() => void log.refetch()} />
      ) : (
        <>
          <DataTable
            caption="Audit log: who did what, when and from where"
            columns={columns}
            rows={log.data.items}
            rowKey={(e) => String(e.id)}
            empty={<EmptyState title="Nothing logged yet">Changes to members, API keys, factors, periods and webhooks, and report exports, appear here.</EmptyState>}
          />
          <Pager
            what="the audit log"
            page={pages.page}
            hasPrevious={pages.page > 1}
            hasNext={log.data.next_cursor !== null}
            busy={log.isFetching}
            onPrevious={pages.previous}
            onNext={() => log.data.next_cursor && pages.next(log.data.next_cursor)}
          />
        </>
      )}
    </section>
  );
}
