import { PageHeader } from "../../components/PageHeader";

export function FactorsPage() {
  return <PageHeader title="FactorsPage" />;
}
