/**
 * A file dropped anywhere in the app, handed to the Import page when it opens. A File cannot travel in
 * a URL, so the drop target keeps it here and the page takes it (once) on mount.
 */
let pending: File | undefined;
const listeners = new Set<() => void>();

export function handOver(file: File): void {
  pending = file;
  for (const listener of listeners) listener();
}

/** The dropped file, if any; taking it clears it, so a reload or a second visit does not import it again. */
export function takePendingFile(): File | undefined {
  const file = pending;
  pending = undefined;
  return file;
}

/** Called when a file is dropped while the Import page is already open. */
export function onHandOver(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
