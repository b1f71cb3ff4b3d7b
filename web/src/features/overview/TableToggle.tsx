import { useId, useState, type ReactNode } from "react";

/** A chart's data table behind a "Show data table" button (the table is in the page either way). */
export function TableToggle({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="table-toggle">
      <button type="button" className="secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? "Hide data table" : "Show data table"}
      </button>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
