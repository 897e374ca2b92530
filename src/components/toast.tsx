import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { DataText } from './data-text';
import './toast.css';

/**
 * Short notices after an action ("Saved “Rafale M”. Undo"), in one polite live region at the edge of
 * the page. A notice with an action stays for ~10 s (5 s without one), and not at all while the
 * pointer is over it or focus is in it; it closes on its button, Escape inside it, or its action.
 * Ctrl+Z (⌘Z) outside a text field runs the newest Undo.
 * The text is data, so it is shown as text (`<DataText>`): a hostile title cannot inject markup.
 */
export interface ToastInput {
  /** The words before the data value: "Saved". */
  lead?: string;
  /** A data value, shown isolated in quotes: a deal's title. */
  value?: string;
  /** The words after it. */
  tail?: string;
  /** A whole sentence that carries a server's words (an error message): shown isolated, unquoted. */
  text?: string;
  /** An error notice is marked as one (and stays like an action notice). */
  tone?: 'info' | 'error';
  action?: { label: string; onAction: () => void };
  /** A second action beside it ("Download the report"); it leaves the notice open. */
  secondaryAction?: { label: string; onAction: () => void };
}

interface Toast extends ToastInput {
  id: number;
}

export interface ToastApi {
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

const NO_TOASTS: ToastApi = { show: () => -1, dismiss: () => undefined };
const ToastContext = createContext<ToastApi>(NO_TOASTS);

/** Shows notices; without a `ToastProvider` (a hook rendered on its own in a test) it does nothing. */
export function useToast(): ToastApi {
  return useContext(ToastContext);
}

export const TOAST_MS = { action: 10_000, plain: 5_000 } as const;
/** More than this many at once and the oldest goes: the region must not cover the page. */
const MAX_TOASTS = 3;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = ++next.current;
    setToasts((all) => [...all, { ...toast, id }].slice(-MAX_TOASTS));
    return id;
  }, []);
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  // Ctrl+Z (⌘Z) outside a text field runs the newest notice's Undo: a keyboard user need not tab to it.
  const newestUndo = [...toasts].reverse().find((t) => t.action?.label === 'Undo');
  useEffect(() => {
    if (!newestUndo) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (event.key.toLowerCase() !== 'z' || isEditable(event.target)) return;
      event.preventDefault();
      dismiss(newestUndo.id);
      newestUndo.action?.onAction();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [newestUndo, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {/* First in the page's order, so Shift+Tab from the top of the page reaches it in a few steps. */}
      <div className="toast-region" role="status" aria-live="polite" aria-label="Notifications">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onClose={() => dismiss(toast.id)} />
        ))}
      </div>
      {children}
    </ToastContext.Provider>
  );
}

/** A text field's own Ctrl+Z undoes typing, not a save. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
  );
}

function ToastItem({ toast, onClose }: { toast: Toast; onClose: () => void }) {
  const [paused, setPaused] = useState(false);
  const hovered = useRef(false);
  const focused = useRef(false);
  const lasting = toast.action !== undefined || toast.secondaryAction !== undefined || toast.tone === 'error';
  const ms = lasting ? TOAST_MS.action : TOAST_MS.plain;
  // The time left is kept across pauses: hovering for a while does not restart the count.
  const left = useRef<number>(ms);
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(onClose, left.current);
    return () => {
      clearTimeout(timer);
      left.current = Math.max(1000, left.current - (Date.now() - started));
    };
  }, [paused, onClose]);
  const update = () => setPaused(hovered.current || focused.current);
  return (
    <div
      className={`toast${toast.tone === 'error' ? ' toast--error' : ''}${toast.secondaryAction ? ' toast--two-actions' : ''}`}
      onPointerEnter={() => {
        hovered.current = true;
        update();
      }}
      onPointerLeave={() => {
        hovered.current = false;
        update();
      }}
      onFocus={() => {
        focused.current = true;
        update();
      }}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget)) return;
        focused.current = false;
        update();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <p className="toast__text">
        {toast.lead}
        {toast.value !== undefined ? (
          <>
            {toast.lead ? ' ' : ''}“<DataText>{toast.value}</DataText>”
          </>
        ) : null}
        {toast.tail}
        {toast.text !== undefined ? <DataText>{toast.text}</DataText> : null}
      </p>
      {toast.action ? (
        <button
          type="button"
          className="toast__action"
          {...(toast.action.label === 'Undo'
            ? { 'aria-keyshortcuts': 'Control+Z Meta+Z', title: 'Undo (Ctrl+Z)' }
            : {})}
          onClick={() => {
            onClose();
            toast.action?.onAction();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      {toast.secondaryAction ? (
        <button type="button" className="toast__action" onClick={() => toast.secondaryAction?.onAction()}>
          {toast.secondaryAction.label}
        </button>
      ) : null}
      <button type="button" className="toast__close" aria-label="Dismiss notification" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
