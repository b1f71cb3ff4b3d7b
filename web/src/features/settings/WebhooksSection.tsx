import { useState, type FormEvent } from "react";
import { messageOf } from "../../api/problem";
import { ConfirmButton } from "../../components/ConfirmButton";
import { DataTable, type Column } from "../../components/DataTable";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatDateTime } from "../../lib/format";
import { deliveryOutcome, problemText, WEBHOOK_EVENTS, webhookBody, type WebhookForm } from "./forms";
import { SecretOnce } from "./SecretOnce";
import type { Delivery, Webhook, WebhookCreated, WebhookEvent } from "./types";
import { useCreateWebhook, useDeleteWebhook, useDeliveries, useWebhooks } from "./useSettings";
import { CheckList } from "./CheckList";

const EMPTY: WebhookForm = { url: "", eventTypes: [], description: "" };

export function WebhooksSection() {
  const webhooks = useWebhooks();
  const create = useCreateWebhook();
  const remove = useDeleteWebhook();
  const [form, setForm] = useState<WebhookForm>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const toggle = (type: WebhookEvent, on: boolean) =>
    setForm((f) => ({ ...f, eventTypes: on ? [...f.eventTypes, type] : f.eventTypes.filter((t) => t !== type) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = webhookBody(form);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setError(null);
    setCreated(null);
    create.mutate(checked.value, {
      onSuccess: (answer) => {
        setCreated(answer);
        setForm(EMPTY);
      },
      onError: (failure) => setError(problemText(failure)),
    });
  };

  const columns: Column<Webhook>[] = [
    { key: "url", header: "URL", cell: (w) => <code className="wrap">{w.url}</code> },
    { key: "events", header: "Events", cell: (w) => w.event_types.join(", ") },
    { key: "description", header: "Description", cell: (w) => w.description || "–" },
    { key: "created", header: "Registered", cell: (w) => formatDateTime(w.created_at) },
    {
      key: "actions",
      header: "Actions",
      cell: (w) => (
        <span className="row-actions">
          <button
            type="button"
            className="secondary"
            aria-expanded={open === w.id}
            aria-controls={open === w.id ? `deliveries-${w.id}` : undefined}
            aria-label={`${open === w.id ? "Hide" : "Show"} deliveries to ${w.url}`}
            onClick={() => setOpen(open === w.id ? null : w.id)}
          >
            {open === w.id ? "Hide deliveries" : "Deliveries"}
          </button>
          <ConfirmButton
            text="Delete"
            label={`Delete webhook ${w.url}`}
            confirmText="Yes, delete"
            busy={remove.isPending && remove.variables === w.id}
            onConfirm={() =>
              remove.mutate(w.id, {
                onSuccess: () => {
                  if (open === w.id) setOpen(null);
                },
              })
            }
          />
        </span>
      ),
    },
  ];
  const opened = webhooks.data?.find((w) => w.id === open) ?? null;

  return (
    <>
      <section className="panel" aria-labelledby="new-webhook-title">
        <h2 id="new-webhook-title">Register a webhook</h2>
        <p className="hint">
          EcoTrack POSTs each event to the URL, signed in the EcoTrack-Signature header (HMAC-SHA256 with the
          webhook's secret). A failed delivery is retried with growing waits, up to 6 attempts.
        </p>
        <form className="form" onSubmit={submit} noValidate>
          <div className="form-grid">
            <div>
              <label htmlFor="webhook-url">URL</label>
              <input
                id="webhook-url"
                type="url"
                inputMode="url"
                required
                placeholder="https://example.com/hooks/ecotrack"
                value={form.url}
                onChange={(e) => setForm({ ...form, url: e.target.value })}
              />
            </div>
            <div>
              <label htmlFor="webhook-description">Description (optional)</label>
              <input
                id="webhook-description"
                maxLength={200}
                value={form.description}
                onChange={(e) => setForm({ ...form, description: e.target.value })}
              />
            </div>
            <CheckList
              legend="Event types"
              options={WEBHOOK_EVENTS.map(({ type, says }) => ({ value: type, says }))}
              selected={form.eventTypes}
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
              {create.isPending ? "Registering…" : "Register webhook"}
            </button>
          </div>
        </form>
        {created && (
          <SecretOnce title={`Signing secret for ${created.url}`} value={created.secret} onDone={() => setCreated(null)}>
            <p>Keep it with the receiver: it checks each delivery's signature with it.</p>
          </SecretOnce>
        )}
      </section>
      <section className="panel" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title">Webhooks</h2>
        {remove.isError && (
          <p role="alert" className="field-error">
            Could not delete: {messageOf(remove.error)}
          </p>
        )}
        {webhooks.isPending ? (
          <Loading what="webhooks" />
        ) : webhooks.isError ? (
          <ErrorState error={webhooks.error} retry={() => void webhooks.refetch()} />
        ) : (
          <DataTable
            caption="Registered webhooks"
            columns={columns}
            rows={webhooks.data}
            rowKey={(w) => w.id}
            empty={
              <EmptyState title="No webhooks yet">
                <p>Register one above to hear of anomalies, off-track targets and closed periods as they happen.</p>
              </EmptyState>
            }
          />
        )}
      </section>
      {opened && <DeliveryLog webhook={opened} />}
    </>
  );
}

function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const deliveries = useDeliveries(webhook.id);
  const columns: Column<Delivery>[] = [
    { key: "event", header: "Event", cell: (d) => d.event_type },
    {
      key: "status",
      header: "Status",
      cell: (d) => (
        <span className={`badge ${d.status === "delivered" ? "good" : d.status === "failed" ? "bad" : ""}`}>{d.status}</span>
      ),
    },
    { key: "attempts", header: "Attempts", numeric: true, cell: (d) => d.attempts },
    { key: "outcome", header: "Last answer", cell: (d) => deliveryOutcome(d) },
    { key: "created", header: "Event at", cell: (d) => formatDateTime(d.created_at) },
    {
      key: "when",
      header: "Delivered or next attempt",
      cell: (d) =>
        d.delivered_at
          ? `Delivered ${formatDateTime(d.delivered_at)}`
          : d.next_attempt_at
            ? `Next attempt ${formatDateTime(d.next_attempt_at)}`
            : "No more attempts",
    },
  ];
  return (
    <section className="panel" id={`deliveries-${webhook.id}`} aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries to {webhook.url}</h2>
      {deliveries.isPending ? (
        <Loading what="deliveries" />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} retry={() => void deliveries.refetch()} />
      ) : (
        <>
          <div className="toolbar">
            <button type="button" className="secondary" onClick={() => void deliveries.refetch()} disabled={deliveries.isFetching}>
              {deliveries.isFetching ? "Refreshing…" : "Refresh deliveries"}
            </button>
          </div>
          <DataTable
            caption={`Delivery log of ${webhook.url}, newest first (last 100)`}
            columns={columns}
            rows={deliveries.data}
            rowKey={(d) => d.id}
            empty={
              <EmptyState title="No deliveries yet">
                <p>A delivery is logged when one of its events ({webhook.event_types.join(", ")}) happens.</p>
              </EmptyState>
            }
          />
        </>
      )}
    </section>
  );
}
