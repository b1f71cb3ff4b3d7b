import { Link, useParams } from "react-router";
import { DataTable, type Column } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, Loading } from "../../components/States";
import {
  datasetLabel,
  factorNotes,
  factorValueText,
  formatNumber,
  gasRows,
  outsideOfScopesText,
  scopeText,
  searchParams,
  sourceLinks,
  type GasRow,
} from "./factors";
import { regionLabel } from "./regions";
import type { Factor } from "./types";
import { useFactor, useFactorCatalogue } from "./useFactors";
import "./factors.css";

export function FactorPage() {
  const { factorId = "" } = useParams();
  const factor = useFactor(factorId);
  if (factor.isPending) return <Loading what="the factor" />;
  if (factor.error) return <ErrorState error={factor.error} retry={() => void factor.refetch()} />;
  return <FactorView factor={factor.data} />;
}

const GAS_COLUMNS: Column<GasRow>[] = [
  { key: "gas", header: "Gas", cell: (row) => row.gas },
  { key: "value", header: "Value", numeric: true, cell: (row) => row.value },
  { key: "unit", header: "Unit", cell: (row) => row.unit },
  { key: "basis", header: "Basis", cell: (row) => row.basis },
];

function FactorView({ factor }: { factor: Factor }) {
  const catalogue = useFactorCatalogue();
  const activity = catalogue.data?.find((entry) => entry.id === factor.activity);
  const scope = scopeText(factor, catalogue.data ?? []);
  const outside = outsideOfScopesText(factor);
  const options = Object.entries(factor.options ?? {});
  const links = sourceLinks(factor.source_url);
  const notes = factorNotes(factor);
  const similar = searchParams({
    text: "",
    filters: { activity: factor.activity, ...(factor.region ? { region: factor.region } : {}) },
    page: 1,
  });

  return (
    <>
      <PageHeader title={factor.label || factor.id}>
        <Link to="/factors" className="button secondary">
          Back to the factor library
        </Link>
        <Link to={`/factors?${similar.toString()}`} className="button secondary">
          Similar factors
        </Link>
      </PageHeader>

      <div className="grid">
        <section className="panel" aria-labelledby="factor-co2e">
          <h2 id="factor-co2e">CO₂e</h2>
          {factor.co2e ? (
            <>
              <p className="factors-value">
                {formatNumber(factor.co2e.value)} {factor.co2e.unit} CO₂e per {factor.unit}
              </p>
              <p className="hint">GWP basis: {factor.gwp_basis ?? "not stated by the source"}</p>
            </>
          ) : (
            <>
              <p className="factors-value">Not published as CO₂e</p>
              <p className="hint">
                Per {factor.unit}: {factorValueText(factor)}. The CO₂e depends on the GWP set an estimate uses.
              </p>
            </>
          )}
          {outside && <p className="hint">Outside of scopes: {outside}</p>}
          {factor.private && <p><span className="badge good">Private: your organisation’s factor</span></p>}
        </section>

        <section className="panel" aria-labelledby="factor-gases">
          <h2 id="factor-gases">Values per gas</h2>
          <DataTable
            caption={`Values per gas, per ${factor.unit}`}
            columns={GAS_COLUMNS}
            rows={gasRows(factor)}
            rowKey={(row) => row.gas}
            empty={<p className="hint">No per-gas values: the source publishes the CO₂e only.</p>}
          />
        </section>
      </div>

      <section className="panel" aria-labelledby="factor-facts">
        <h2 id="factor-facts">About this factor</h2>
        <dl className="facts">
          <dt>Factor id</dt>
          <dd>
            <code>{factor.id}</code>
          </dd>
          <dt>Activity</dt>
          <dd>
            {factor.activity}
            {activity ? ` — ${activity.description}` : ""}
          </dd>
          {scope && (
            <>
              <dt>Scope</dt>
              <dd>{scope}</dd>
            </>
          )}
          <dt>Region</dt>
          <dd>{regionLabel(factor.region)}</dd>
          <dt>Year</dt>
          <dd>{factor.year ?? "Any (not tied to a year)"}</dd>
          <dt>Per</dt>
          <dd>{factor.unit}</dd>
          {options.length > 0 && (
            <>
              <dt>Options</dt>
              <dd>{options.map(([name, value]) => `${name}: ${value}`).join(", ")}</dd>
            </>
          )}
          <dt>Dataset</dt>
          <dd>{datasetLabel(factor.dataset)}</dd>
          <dt>Edition</dt>
          <dd>{factor.edition ?? "–"}</dd>
          <dt>Dataset version</dt>
          <dd>{factor.dataset_version || "–"}</dd>
          {factor.source_ref && (
            <>
              <dt>Publisher’s reference</dt>
              <dd>
                <code>{factor.source_ref}</code>
              </dd>
            </>
          )}
          <dt>GWP basis</dt>
          <dd>{factor.gwp_basis ?? "Not stated"}</dd>
          <dt>Licence</dt>
          <dd>{factor.licence}</dd>
          <dt>Library</dt>
          <dd>{factor.private ? "Private to your organisation" : "Public"}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="factor-source">
        <h2 id="factor-source">Source</h2>
        <h3>Citation</h3>
        <p className="factors-citation">{factor.citation}</p>
        <h3>Links</h3>
        {links.length > 0 ? (
          <ul className="factors-links">
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href} target="_blank" rel="noopener noreferrer">
                  {link.label}
                  <span className="factors-id"> (opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">The source gives no web address.</p>
        )}
      </section>

      <section className="panel" aria-labelledby="factor-notes">
        <h2 id="factor-notes">Notes</h2>
        {notes.length > 0 ? (
          <ul className="factors-notes">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : (
          <p className="hint">No notes on this factor.</p>
        )}
      </section>
    </>
  );
}
