import { PageHeader } from "../../components/PageHeader";

export function FacilitiesPage() {
  return <PageHeader title="FacilitiesPage" />;
}
