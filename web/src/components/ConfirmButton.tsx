import { useEffect, useRef, useState } from "react";

interface ConfirmButtonProps {
  /** Visible text of the first button, e.g. "Delete". */
  text: string;
  /** Its accessible name, naming the object, e.g. "Delete target SBTi near-term". */
  label: string;
  /** The second step's text, e.g. "Yes, delete". */
  confirmText: string;
  busy?: boolean;
  onConfirm: () => void;
}

/**
 * A destructive action in two steps without a modal: the first press asks, the second acts.
 * Focus moves to the confirmation and back to the first button on cancel.
 */
export function ConfirmButton({ text, label, confirmText, busy = false, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (returnFocus.current) first.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={first} type="button" className="secondary" aria-label={label} onClick={() => setAsking(true)}>
        {text}
      </button>
    );
  }
  return (
    <span className="confirm-step" role="group" aria-label={`${label}?`}>
      <button ref={confirm} type="button" className="danger" disabled={busy} onClick={onConfirm}>
        {busy ? "Working…" : confirmText}
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
        }}
      >
        Cancel
      </button>
    </span>
  );
}
