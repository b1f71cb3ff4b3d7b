import { formatCo2e } from "../../lib/format";
import { scopeLabel } from "./catalogue";
import { factorValueLabel } from "./detail";
import { missingMessage, type FormReading } from "./form";
import { ProblemNote } from "./ProblemNote";
import type { useEstimatePreview } from "./useActivities";

type Preview = ReturnType<typeof useEstimatePreview>;

/** The live estimate beside the form: what saving would record, or what is still missing. */
export function EstimatePreview({ reading, preview }: { reading: FormReading; preview: Preview }) {
  return (
    <section className="panel estimate-panel" aria-labelledby="estimate-heading">
      <h2 id="estimate-heading">Estimate</h2>
      <div aria-live="polite">
        <PreviewBody reading={reading} preview={preview} />
      </div>
    </section>
  );
}

function PreviewBody({ reading, preview }: { reading: FormReading; preview: Preview }) {
  if (reading.invalid.length) {
    return (
      <ul className="form-messages">
        {reading.invalid.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    );
  }
  if (!reading.estimate) return <p className="hint">{missingMessage(reading.missing)}</p>;
  if (preview.settling || (preview.isFetching && !preview.data)) {
    return <p className="state state-loading">Estimating…</p>;
  }
  if (preview.error) return <ProblemNote error={preview.error} lead="The API cannot estimate this:" role="status" />;
  const result = preview.data;
  if (!result) return <p className="state state-loading">Estimating…</p>;
  return (
    <>
      <p className="kpi-label">Emissions if saved</p>
      <p className="estimate-figure">{formatCo2e(result.co2e_kg)}</p>
      <dl className="facts">
        <dt>Scope</dt>
        <dd>{scopeLabel(result.scope, result.scope3_category)}</dd>
        {result.scope2 && (
          <>
            <dt>Location-based</dt>
            <dd>{formatCo2e(result.scope2.location_based_kg)}</dd>
            <dt>Market-based</dt>
            <dd>
              {formatCo2e(result.scope2.market_based_kg)} ({result.scope2.market_basis})
            </dd>
          </>
        )}
        <dt>Factor</dt>
        <dd>
          <span className="factor-id">{result.factor.id}</span>
          <br />
          {factorValueLabel(result.factor.value, result.factor.unit)}
        </dd>
        <dt>Dataset</dt>
        <dd>
          {result.factor.dataset}
          {result.factor.dataset_version ? `, ${result.factor.dataset_version}` : ""}
        </dd>
        <dt>GWP set</dt>
        <dd>
          {result.gwp_applied ?? "not stated by the source"}
          {result.gwp_applied && result.gwp_applied !== result.gwp_requested ? ` (asked for ${result.gwp_requested})` : ""}
        </dd>
        <dt>Why this factor</dt>
        <dd>{result.selection}</dd>
      </dl>
      {(result.notices ?? []).map((notice) => (
        <p className="notice" key={notice}>
          {notice}
        </p>
      ))}
      <details>
        <summary>Calculation steps</summary>
        <ol className="calculation-steps">
          {result.steps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      </details>
      {preview.isFetching && <p className="hint">Updating…</p>}
    </>
  );
}
