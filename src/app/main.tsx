import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApi } from '../api';
import { App } from './app';
import { apiMode, startMockApi } from './start-mock-api';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const mode = apiMode();

if (mode === 'mock') {
  const started = startMockApi();
  // Requests wait for the embedded API; the page itself renders at once.
  configureApi({ apiReady: started });
  started.catch((error: unknown) => {
    // Without the mock API no request can succeed: say so instead of showing an empty app.
    console.error(error);
    root.render(
      <p role="alert" className="boot-error">
        The built-in demo API could not start ({error instanceof Error ? error.message : String(error)}).
        Reload the page; if this persists, serve the app over http://localhost or https, where service workers
        are allowed.
      </p>,
    );
  });
}

root.render(
  <StrictMode>
    <App apiMode={mode} />
  </StrictMode>,
);
