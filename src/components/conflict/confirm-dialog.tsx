import { useEffect, useId, useRef, type ReactNode } from 'react';
import './conflict.css';

/**
 * A modal question with one way forward and one back: "Restore revision 3?", "Delete this deal?",
 * "Reset to the seed data?". Mount it to ask; it opens with `showModal` (the page behind is inert,
 * Tab stays inside, Escape cancels, all by the browser) and focuses the safe choice, Cancel.
 * `error` is shown inside it, so a refused action leaves the question and what it said on screen.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
  busy = false,
  error,
  danger = false,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: ReactNode;
  danger?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onCancel}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId} className="confirm-dialog__body">
        {children}
      </div>
      {error ? (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="confirm-dialog__actions">
        <button
          type="button"
          className={danger ? 'button--danger' : undefined}
          onClick={onConfirm}
          disabled={busy}
          aria-busy={busy || undefined}
        >
          {busy ? `${confirmLabel}…` : confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button--quiet" onClick={() => dialog.current?.close()}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
