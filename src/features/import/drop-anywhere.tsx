import { useEffect, useRef, useState } from 'react';
import { useNavigate } from '../../components/routing';
import { handOver } from './pending-file';
import './drop-anywhere.css';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Drag a file over any page and an overlay says "Drop to import"; drop it and the Import page opens
 * with it. Mounted once in the shell; small, so the page's parsing code is not in the first download.
 * A drop on the Import page's own drop zone is handled there (it stops the event).
 */
export function DropAnywhere() {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const navigate = useNavigate();
  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current += 1;
      setOver(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const overHandler = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file itself, leaving the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    // In the capture phase, so the overlay goes even when the Import page's drop zone takes the drop.
    const reset = () => {
      depth.current = 0;
      setOver(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      handOver(file);
      navigate('/import');
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', reset, true);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('drop', reset, true);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [navigate]);
  if (!over) return null;
  return (
    <div className="drop-anywhere" aria-hidden="true">
      <p className="drop-anywhere__label">Drop to import</p>
    </div>
  );
}
