import { Link } from "react-router";
import { useSession } from "../../auth/SessionProvider";
import { EmptyState } from "../../components/States";

/** What a year without emissions says, and where to go to add some. */
export function NoDataYet({ year }: { year: number }) {
  const { can } = useSession();
  return (
    <EmptyState title={`No data for ${year} yet: import a CSV or connect a meter`}>
      <p className="empty-actions">
        <Link to="/activities">Import activities from a CSV</Link>
        <Link to="/facilities">Add a facility and connect a meter</Link>
      </p>
      {!can("activities:write") && <p className="hint">Your role can read data; an editor or admin adds it.</p>}
    </EmptyState>
  );
}
