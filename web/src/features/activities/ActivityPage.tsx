import { Fragment, useEffect, useId, useRef } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useSession } from "../../auth/SessionProvider";
import { DataTable } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, Loading } from "../../components/States";
import { ActivityEditor } from "./ActivityEditor";
import { categoryNames } from "./catalogue";
import {
  activityTitle,
  factorFacts,
  factorHref,
  factorSourceUrl,
  gasRows,
  inputFacts,
  resultFigures,
  unchangeableReason,
  type Fact,
} from "./detail";
import { formFromRecord } from "./form";
import { ProblemNote } from "./ProblemNote";
import { versionRows, type VersionRow } from "./records";
import type { ActivityRecord } from "./types";
import { useCatalogue, useDeleteActivity, useFacilities, useRecord, useVersions } from "./useActivities";
import "./activities.css";

export function ActivityPage() {
  const { activityId = "" } = useParams();
  const record = useRecord(activityId);
  if (record.isPending) return <Loading what="the activity" />;
  if (record.error) return <ErrorState error={record.error} retry={() => void record.refetch()} />;
  return <ActivityView record={record.data} />;
}

function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl className="facts">
      {facts.map((fact) => (
        <Fragment key={fact.term}>
          <dt>{fact.term}</dt>
          <dd>{fact.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function ActivityView({ record }: { record: ActivityRecord }) {
  const id = useId();
  const { can } = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const remove = useDeleteActivity(record.id);

  const reason = unchangeableReason(record);
  const mayChange = can("activities:write") && reason === null;
  const editing = mayChange && search.get("edit") === "1";
  const page = `/activities/${encodeURIComponent(record.id)}`;

  // A deleted or meter-fed activity has no edit form: drop a stale ?edit from the address.
  useEffect(() => {
    if (search.get("edit") && !mayChange) setSearch({}, { replace: true });
  }, [search, mayChange, setSearch]);

  const openDelete = () => {
    remove.reset();
    dialog.current?.showModal();
    // The safe choice has focus, so Enter does not delete.
    cancel.current?.focus();
  };
  const confirmDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => dialog.current?.close(),
    });

  return (
    <>
      <PageHeader title={activityTitle(record)}>
        <Link className="button secondary" to="/activities">
          All activities
        </Link>
        {mayChange && !editing && (
          <>
            <Link className="button" to={`${page}?edit=1`}>
              Edit
            </Link>
            <button type="button" className="danger" onClick={openDelete}>
              Delete
            </button>
          </>
        )}
      </PageHeader>

      {reason && <p className="notice">{reason}</p>}

      {editing ? (
        <>
          <p className="hint">
            Saving records version {record.version + 1}; version {record.version} stays in the history.
          </p>
          <ActivityEditor
            initial={(loaded) => formFromRecord(record, loaded)}
            activityId={record.id}
            cancelTo={page}
            onSaved={() => navigate(page, { replace: true })}
          />
        </>
      ) : (
        <Details record={record} />
      )}

      {mayChange && !editing && (
        <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-delete`}>
          <h2 id={`${id}-delete`}>Delete this activity?</h2>
          <p>
            It stops counting in every total. Its history stays: the deletion is recorded as version {record.version + 1}.
          </p>
          {remove.error && <ProblemNote error={remove.error} lead="Not deleted:" />}
          <div className="form-actions">
            <button type="button" className="danger" onClick={confirmDelete} disabled={remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete activity"}
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()} ref={cancel}>
              Cancel
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}

/** The stored version: results, inputs, factor, calculation (as recorded) and history. */
function Details({ record }: { record: ActivityRecord }) {
  const id = useId();
  const catalogue = useCatalogue();
  const facilities = useFacilities();
  const versions = useVersions(record.id, true);
  const { notices = [], steps } = record.calculation;
  const sourceUrl = factorSourceUrl(record);
  const href = factorHref(record.factor);

  return (
    <>
      <section aria-labelledby={`${id}-result`} className="panel">
        <h2 id={`${id}-result`}>Result of version {record.version}</h2>
        <div className="kpis">
          {resultFigures(record, categoryNames(catalogue.data)).map((figure) => (
            <div className="kpi" key={figure.label}>
              <p className="kpi-label">{figure.label}</p>
              <p className="kpi-value">{figure.value}</p>
              {figure.note && <p className="kpi-note">{figure.note}</p>}
            </div>
          ))}
        </div>
        <DataTable
          caption="Emissions by gas"
          rows={gasRows(record)}
          rowKey={(row) => row.gas}
          columns={[
            { key: "gas", header: "Gas", cell: (row) => row.gas },
            { key: "mass", header: "Mass", cell: (row) => row.mass, numeric: true },
            { key: "co2e", header: "CO₂e", cell: (row) => row.co2e, numeric: true },
          ]}
          empty={<p className="hint">This figure rests on a contractual rate, with no split by gas.</p>}
        />
      </section>

      <div className="grid">
        <section className="panel" aria-labelledby={`${id}-inputs`}>
          <h2 id={`${id}-inputs`}>Inputs</h2>
          <Facts facts={inputFacts(record, facilities.data, catalogue.data)} />
        </section>
        <section className="panel" aria-labelledby={`${id}-factor`}>
          <h2 id={`${id}-factor`}>Emission factor</h2>
          <p>
            {href ? (
              <Link className="factor-id" to={href}>
                {record.factor.id}
              </Link>
            ) : (
              <span className="factor-id">{record.factor.id}</span>
            )}
          </p>
          <Facts facts={factorFacts(record)} />
          {sourceUrl && (
            <p>
              <a href={sourceUrl} rel="noreferrer noopener" target="_blank">
                Source publication (opens in a new tab)
              </a>
            </p>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby={`${id}-steps`}>
        <h2 id={`${id}-steps`}>How it was worked out</h2>
        <p className="hint">As recorded with version {record.version}.</p>
        {notices.map((notice) => (
          <p className="notice" key={notice}>
            {notice}
          </p>
        ))}
        <ol className="calculation-steps">
          {steps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      </section>

      <section className="panel" aria-labelledby={`${id}-history`}>
        <h2 id={`${id}-history`}>Version history</h2>
        {versions.isPending ? (
          <Loading what="the versions" />
        ) : versions.error ? (
          <ErrorState error={versions.error} retry={() => void versions.refetch()} />
        ) : (
          <DataTable<VersionRow>
            caption="Every version of this activity, newest first"
            rows={versionRows(versions.data)}
            rowKey={(row) => row.key}
            columns={[
              { key: "version", header: "Version", cell: (row) => row.version, numeric: true },
              { key: "change", header: "Change", cell: (row) => row.change },
              { key: "recorded", header: "Recorded", cell: (row) => row.recordedAt },
              { key: "source", header: "Source", cell: (row) => row.source },
              { key: "period", header: "Period", cell: (row) => row.period },
              { key: "quantity", header: "Quantity", cell: (row) => row.quantity, numeric: true },
              { key: "co2e", header: "CO₂e", cell: (row) => row.co2e, numeric: true },
              { key: "factor", header: "Factor", cell: (row) => <span className="factor-id">{row.factorId}</span> },
            ]}
          />
        )}
      </section>

    </>
  );
}
