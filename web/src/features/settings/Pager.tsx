import { useState } from "react";

/** Cursor paging (Users' lists): the cursors seen so far, so "Previous" can go back. */
export function useCursorPages() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const cursor = stack[stack.length - 1] ?? null;
  return {
    cursor,
    page: stack.length,
    next: (nextCursor: string) => setStack((s) => [...s, nextCursor]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([null]),
  };
}

interface PagerProps {
  /** What is paged, for the buttons' names, e.g. "members". */
  what: string;
  page: number;
  /** "Page 2 of 3" when the total is known (offset paging), else "Page 2". */
  pages?: number;
  hasPrevious: boolean;
  hasNext: boolean;
  busy?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export function Pager({ what, page, pages, hasPrevious, hasNext, busy = false, onPrevious, onNext }: PagerProps) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={`Pages of ${what}`}>
      <button type="button" className="secondary" disabled={!hasPrevious || busy} onClick={onPrevious}>
        Previous page
      </button>
      <span aria-live="polite">
        Page {page}
        {pages ? ` of ${pages}` : ""}
      </span>
      <button type="button" className="secondary" disabled={!hasNext || busy} onClick={onNext}>
        Next page
      </button>
    </nav>
  );
}
