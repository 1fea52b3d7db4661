import { useEffect, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  keepLabel: string;
  busy: boolean;
  error?: string | undefined;
  onConfirm: () => void;
  onKeep: () => void;
}

/**
 * A modal question before something that cannot be undone. The native <dialog> keeps focus inside
 * and closes on Escape; focus goes back to the button that opened it. Focus starts on the safe
 * choice, so a stray Enter keeps things as they are.
 */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, keepLabel, busy, error, onConfirm, onKeep }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // React removes the dialog before close() could hand focus back, so we do it: to the button that
    // opened it, when that is still on the page (after a removal it may be gone with its card).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    keep.current?.focus();
    return () => {
      element?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onKeep();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div id="confirm-body" className="confirm-body">{children}</div>
      <p role="alert" className="confirm-error">{error}</p>
      <div className="confirm-actions">
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>{busy ? busyLabel : confirmLabel}</button>
        <button ref={keep} type="button" onClick={onKeep} disabled={busy}>{keepLabel}</button>
      </div>
    </dialog>
  );
}
