import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isolate } from '../domain/text/text-safety';
import { DataText, IsolatedText } from './data-text';

const RLO = '\u202e';

describe('DataText and IsolatedText', () => {
  it('puts a hostile value in a <bdi> and keeps the app words outside it', () => {
    const { container } = render(
      <p>
        System: <DataText>{`${RLO}MQ\u00009B`}</DataText> ordered
      </p>,
    );
    const bdi = container.querySelector('p > bdi')!;
    expect(bdi.textContent).toBe(`${RLO}MQ9B\u202c`);
    expect(container.querySelector('p')!.firstChild!.textContent).toBe('System: ');
    expect(container.querySelector('p')!.lastChild!.textContent).toBe(' ordered');
  });

  it('shows isolated values of a sentence string as <bdi>, without the isolate controls', () => {
    const { container } = render(
      <p>
        <IsolatedText text={`Party: ${isolate(`${RLO}HAL`)} · Service: Navy${RLO}`} />
      </p>,
    );
    const p = container.querySelector('p')!;
    expect([...p.childNodes].map((n) => [n.nodeName, n.textContent])).toEqual([
      ['#text', 'Party: '],
      ['BDI', `${RLO}HAL\u202c`],
      ['#text', ' · Service: Navy'],
    ]);
  });
});
