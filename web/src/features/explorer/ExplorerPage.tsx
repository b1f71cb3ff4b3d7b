import { PageHeader } from "../../components/PageHeader";

export function ExplorerPage() {
  return <PageHeader title="ExplorerPage" />;
}
