import type { ReactNode } from "react";
import { Link } from "react-router";
import { isNotFound, messageOf } from "../api/problem";
import { PageHeader } from "./PageHeader";

export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  if (isNotFound(error)) return <NotFound />;
  return (
    <div className="state state-error" role="alert">
      <p>Something went wrong: {messageOf(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Says what is missing and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

/** The page for a path or an object that is not there (the API's 404): its own h1 and document title. */
export function NotFound() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <PageHeader title="Not found" titleId="not-found-title" />
      <p>There is nothing here, or it belongs to another organisation.</p>
      <p>
        <Link to="/">Back to the overview</Link>
      </p>
    </section>
  );
}
