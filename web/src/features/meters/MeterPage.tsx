import { PageHeader } from "../../components/PageHeader";

export function MeterPage() {
  return <PageHeader title="MeterPage" />;
}
