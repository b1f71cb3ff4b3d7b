import { ErrorState, Loading } from "../../components/States";
import { formatMonth } from "../../lib/format";
import type { CoverageGridRow } from "./lists";
import { formatRange, type Period } from "./period";

interface CoveragePanelProps {
  period: Period;
  grid: CoverageGridRow[] | null;
  months: string[];
  error: unknown;
  isPending: boolean;
  retry: () => void;
}

/** Facility × month: data or missing, in words as well as colour. */
export function CoveragePanel({ period, grid, months, error, isPending, retry }: CoveragePanelProps) {
  const caption = `Months with emissions data by facility, ${formatRange(period.from, period.to)}`;
  return (
    <section className="panel" aria-labelledby="overview-coverage-title">
      <h2 id="overview-coverage-title">Data coverage by facility and month</h2>
      {isPending ? (
        <Loading what="data coverage" />
      ) : error || !grid ? (
        <ErrorState error={error} retry={retry} />
      ) : grid.length === 0 ? (
        <p className="hint">No facility has emissions data yet.</p>
      ) : (
        <>
          <p className="hint">
            ✓ = emissions recorded that month; missing = none yet. Activities without a facility (travel, say) have a
            row of their own.
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
            <table className="coverage-grid">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Facility</th>
                  {months.map((month) => (
                    <th key={month} scope="col" className="month">
                      <abbr title={formatMonth(month)}>{formatMonth(month).replace(/\s*\d{4}$/, "")}</abbr>
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    Months with data
                  </th>
                </tr>
              </thead>
              <tbody>
                {grid.map((row) => (
                  <tr key={row.facilityId ?? "none"}>
                    <th scope="row">{row.name}</th>
                    {row.cells.map((cell) => (
                      <td key={cell.month} className={cell.hasData ? "has-data" : "missing"}>
                        {cell.hasData ? "✓" : "missing"}
                      </td>
                    ))}
                    <td className="numeric">
                      {row.monthsWithData} of {months.length}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
