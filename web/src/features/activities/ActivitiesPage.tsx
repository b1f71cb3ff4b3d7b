import { PageHeader } from "../../components/PageHeader";

export function ActivitiesPage() {
  return <PageHeader title="ActivitiesPage" />;
}
