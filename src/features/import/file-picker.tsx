import { useId, useState, type DragEvent } from 'react';

/**
 * The file picker (a real `<input type=file>` behind a visible label, so a keyboard reaches it and a
 * screen reader names it) inside a drop zone that takes a dragged file too.
 */
export function FilePicker({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const inputId = useId();
  const hintId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    // The shell's drop-anywhere would otherwise take it as well.
    event.stopPropagation();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={`import-drop${over ? ' import-drop--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={inputId} className="import-drop__label">
        Choose a file to import
      </label>
      <input
        id={inputId}
        type="file"
        className="import-drop__input"
        accept=".csv,.json,text/csv,application/json"
        aria-describedby={hintId}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again (after a cancel) reads it again.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <p id={hintId} className="import-drop__hint">
        or drop it here. SIPRI trade-register CSV (classic or 2025 layout), OCDS release or record packages
        (JSON), this tracker&apos;s own CSV or JSON export, or any other CSV (you map its columns). Up to 200
        MB.
      </p>
    </div>
  );
}
