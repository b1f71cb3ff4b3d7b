import { PageHeader } from "../../components/PageHeader";

export function TargetsPage() {
  return <PageHeader title="TargetsPage" />;
}
