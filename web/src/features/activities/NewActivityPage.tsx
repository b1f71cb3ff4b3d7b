import { useNavigate } from "react-router";
import { useSession } from "../../auth/SessionProvider";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState } from "../../components/States";
import { ActivityEditor } from "./ActivityEditor";
import { emptyForm } from "./form";
import "./activities.css";

export function NewActivityPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  if (!can("activities:write")) {
    return (
      <>
        <PageHeader title="Add activity" />
        <EmptyState title="Your role can read activities but not add them.">
          <p>Ask an admin of your organisation for the editor role.</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Add activity" />
      <p className="hint">
        The estimate is worked out as you type; saving records it with its factor, so the figure never
        moves unless a recalculation is applied.
      </p>
      <ActivityEditor
        initial={emptyForm()}
        cancelTo="/activities"
        onSaved={(record) => navigate(`/activities/${encodeURIComponent(record.id)}`)}
      />
    </>
  );
}
