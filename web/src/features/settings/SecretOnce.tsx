import { useEffect, useRef, useState, type ReactNode } from "react";

interface SecretOnceProps {
  /** What the secret is, e.g. "API key Site A meters". */
  title: string;
  value: string;
  /** What to do with it: who it goes to, where it is kept. */
  children: ReactNode;
  onDone: () => void;
}

/** A secret the API shows this once: a clear warning, the value, a copy button. */
export function SecretOnce({ title, value, children, onDone }: SecretOnceProps) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => box.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <div className="notice secret-once" role="region" aria-label={title} tabIndex={-1} ref={box}>
      <h3>{title}</h3>
      <p>
        <strong>Copy it now: it is shown only this once.</strong> EcoTrack keeps only a hash of it, so nobody can show
        it again; if it is lost, make a new one.
      </p>
      <p className="secret" aria-label={`${title}, the secret`}>
        {value}
      </p>
      {children}
      <div className="secret-actions">
        <button type="button" onClick={() => void copy()}>
          Copy to clipboard
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          I have copied it
        </button>
        <span role="status" className="hint">
          {copied === "yes" ? "Copied." : copied === "failed" ? "Could not copy: select the text and copy it." : ""}
        </span>
      </div>
    </div>
  );
}
