import { useEffect, type ReactNode } from "react";

/** The page's one h1 (with `titleId` as its id, for an aria-labelledby), its document title, and its actions. */
export function PageHeader({ title, titleId, children }: { title: string; titleId?: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · EcoTrack`;
  }, [title]);
  return (
    <header className="page-header">
      <h1 id={titleId}>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}
