import { PageHeader } from "../../components/PageHeader";

export function FactorPage() {
  return <PageHeader title="FactorPage" />;
}
