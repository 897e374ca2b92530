import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startMockApi } from './start-mock-api';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

startMockApi().then(
  (mode) => {
    root.render(
      <StrictMode>
        <App apiMode={mode} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    // Without the mock API no request can succeed: say so instead of showing an empty app.
    console.error(error);
    root.render(
      <p role="alert" className="boot-error">
        The built-in demo API could not start ({error instanceof Error ? error.message : String(error)}).
        Reload the page; if this persists, serve the app over http://localhost or https, where service workers
        are allowed.
      </p>,
    );
  },
);
