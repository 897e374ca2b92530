import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi, resetApiSettings } from '../api';
import { renderApp } from '../test/render-app';

afterEach(() => resetApiSettings());

describe('data-set parameters from a link', () => {
  it('ignores a hostile data set and an absurd size, names them, and shows the seed deals', async () => {
    renderApp('/deals?dataset=%3Cscript%3Ealert(1)%3C%2Fscript%3E&size=1e12&seed=NaN');
    // The first render of the whole app in a test file is slow on a loaded machine.
    const notice = await screen.findByText(/^Ignored /, {}, { timeout: 5000 });
    expect(notice).toHaveTextContent(
      'dataset=<script>alert(1)</script> (not a data set: use seed or synthetic)',
    );
    expect(notice).toHaveTextContent('size=1e12 (size must be a whole number from 0 to 200,000)');
    expect(notice).toHaveTextContent('seed=NaN');
    const table = await screen.findByRole('table', { name: 'Matching deals' });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(3);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('cuts a long ignored value so a link cannot fill the page with its text', async () => {
    renderApp(
      `/deals?mock=${encodeURIComponent('Your account is locked. Call +1 555 0100 now to restore it')}`,
    );
    const notice = await screen.findByText(/^Ignored mock=/);
    expect(notice).toHaveTextContent('mock=Your account is locked. Call +1 555 010… (not a demo scenario');
    expect(screen.queryByText(/Demo of failure/)).not.toBeInTheDocument();
  });

  it('on a real-server build, ?mock= does nothing and prints nothing', async () => {
    // MSW still answers: the client only believes a real server is configured.
    configureApi({ baseUrl: window.location.origin });
    renderApp('/deals?mock=error&mockTimes=5');
    const table = await screen.findByRole('table', { name: 'Matching deals' });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(3);
    expect(screen.queryByText(/Demo of failure|mock/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
