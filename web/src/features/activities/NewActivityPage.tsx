import { PageHeader } from "../../components/PageHeader";

export function NewActivityPage() {
  return <PageHeader title="NewActivityPage" />;
}
