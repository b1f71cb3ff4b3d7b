import { PageHeader } from "../../components/PageHeader";

export function TargetPage() {
  return <PageHeader title="TargetPage" />;
}
