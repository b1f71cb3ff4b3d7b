import { useState, type FormEvent } from "react";
import { messageOf } from "../../api/problem";
import { ConfirmButton } from "../../components/ConfirmButton";
import { DataTable, type Column } from "../../components/DataTable";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatDateTime } from "../../lib/format";
import { API_KEY_SCOPES, apiKeyBody, problemText, type ApiKeyForm } from "./forms";
import { SecretOnce } from "./SecretOnce";
import type { ApiKey, ApiKeyCreated, ApiKeyScope } from "./types";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "./useSettings";
import { CheckList } from "./CheckList";

export function ApiKeysSection() {
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [form, setForm] = useState<ApiKeyForm>({ name: "", scopes: [] });
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setForm((f) => ({ ...f, scopes: on ? [...f.scopes, scope] : f.scopes.filter((s) => s !== scope) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = apiKeyBody(form);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setError(null);
    setCreated(null);
    create.mutate(checked.value, {
      onSuccess: (answer) => {
        setCreated(answer);
        setForm({ name: "", scopes: [] });
      },
      onError: (failure) => setError(problemText(failure)),
    });
  };

  const columns: Column<ApiKey>[] = [
    { key: "name", header: "Name", cell: (k) => k.name },
    { key: "prefix", header: "Key", cell: (k) => <code>etk_{k.prefix}_…</code> },
    { key: "scopes", header: "Scopes", cell: (k) => <ScopeList scopes={k.scopes} /> },
    { key: "created", header: "Created", cell: (k) => formatDateTime(k.created_at) },
    { key: "used", header: "Last used", cell: (k) => (k.last_used_at ? formatDateTime(k.last_used_at) : "Never") },
    {
      key: "status",
      header: "Status",
      cell: (k) =>
        k.revoked_at ? (
          <span className="badge bad">Revoked {formatDateTime(k.revoked_at)}</span>
        ) : (
          <ConfirmButton
            text="Revoke"
            label={`Revoke API key ${k.name}`}
            confirmText="Yes, revoke"
            busy={revoke.isPending && revoke.variables === k.id}
            onConfirm={() => revoke.mutate(k.id)}
          />
        ),
    },
  ];

  return (
    <>
      <section className="panel" aria-labelledby="new-key-title">
        <h2 id="new-key-title">Create an API key</h2>
        <p className="hint">
          For meters and ETL jobs: a key acts for the organisation with exactly the scopes you give it, sent in the
          X-API-Key header. A revoked key stops working within 30 seconds.
        </p>
        <form className="form" onSubmit={submit} noValidate>
          <div className="form-grid">
            <div>
              <label htmlFor="key-name">Name</label>
              <input
                id="key-name"
                required
                maxLength={200}
                placeholder="Site A meters"
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
              />
            </div>
            <CheckList
              legend="Scopes"
              options={API_KEY_SCOPES.map(({ scope, says }) => ({ value: scope, says }))}
              selected={form.scopes}
              onToggle={toggle}
            />
          </div>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
          <div>
            <button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create key"}
            </button>
          </div>
        </form>
        {created && (
          <SecretOnce title={`API key ${created.name}`} value={created.key} onDone={() => setCreated(null)}>
            <p>
              Store it where the machine reads its secrets. Scopes: {created.scopes.join(", ")}.
            </p>
          </SecretOnce>
        )}
      </section>
      <section className="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">API keys</h2>
        {revoke.isError && (
          <p role="alert" className="field-error">
            Could not revoke: {messageOf(revoke.error)}
          </p>
        )}
        {keys.isPending ? (
          <Loading what="API keys" />
        ) : keys.isError ? (
          <ErrorState error={keys.error} retry={() => void keys.refetch()} />
        ) : (
          <DataTable
            caption="The organisation's API keys, oldest first"
            columns={columns}
            rows={keys.data}
            rowKey={(k) => k.id}
            empty={
              <EmptyState title="No API keys yet">
                <p>Create one above for each meter gateway or job that sends data, with only the scopes it needs.</p>
              </EmptyState>
            }
          />
        )}
      </section>
    </>
  );
}

function ScopeList({ scopes }: { scopes: string[] }) {
  return (
    <ul className="inline-list">
      {scopes.map((scope) => (
        <li key={scope}>
          <code>{scope}</code>
        </li>
      ))}
    </ul>
  );
}
