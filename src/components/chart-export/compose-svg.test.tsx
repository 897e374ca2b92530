import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeChartSvg, drawingArea, PALETTES, type ExportMeta } from './compose-svg';

// jsdom lays nothing out: the drawing is given the size it would have on screen.
const DRAWN = { width: 600, height: 300 };
let restore: (() => void) | undefined;
beforeEach(() => {
  const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'getBoundingClientRect')!;
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const size = this.tagName.toLowerCase() === 'svg' ? DRAWN : { width: 0, height: 0 };
    return {
      ...size,
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: size.width,
      bottom: size.height,
      toJSON: () => ({}),
    };
  };
  restore = () => Object.defineProperty(Element.prototype, 'getBoundingClientRect', descriptor);
});
afterEach(() => {
  restore?.();
  document.body.replaceChildren();
});

function card(): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'chart-card';
  figure.innerHTML = `
    <div class="chart-card__chart">
      <div class="recharts-wrapper">
        <svg width="600" height="300"><rect x="10" y="10" width="50" height="200" fill="#0072B2"></rect>
          <text x="20" y="290">Navy</text></svg>
        <ul><li class="recharts-legend-item"><svg width="14" height="14"><path fill="#0072B2"></path></svg><span>MQ-9B</span></li></ul>
      </div>
    </div>`;
  document.body.append(figure);
  return figure;
}

const META: ExportMeta = {
  title: 'Deals by lifecycle stage',
  subtitle: 'All deals · announced → completed',
  footer: 'Source: SIPRI · Defence Procurement Tracker · 1 Dec 2026',
  description: 'Deals: Completed 12 <most> & "Stalled" 1.',
  background: 'light',
};

function parse(svg: string): Document {
  return new DOMParser().parseFromString(svg, 'image/svg+xml');
}

describe('composeChartSvg', () => {
  it('names the image with a <title> and describes it with a <desc>, escaped, before anything drawn', () => {
    const doc = parse(composeChartSvg(card(), META).svg);
    const root = doc.documentElement;
    expect(root.getAttribute('role')).toBe('img');
    expect(root.children[0]!.tagName).toBe('title');
    expect(root.children[1]!.tagName).toBe('desc');
    expect(root.querySelector('title')!.textContent).toBe('Deals by lifecycle stage');
    expect(root.querySelector('desc')!.textContent).toBe('Deals: Completed 12 <most> & "Stalled" 1.');
    expect(root.getAttribute('aria-labelledby')).toBe('chart-title chart-desc');
  });

  it('paints the background of the variant: light, dark, or none for transparent', () => {
    const fill = (svg: string) =>
      parse(svg).documentElement.querySelector(':scope > rect')?.getAttribute('fill');
    expect(fill(composeChartSvg(card(), META).svg)).toBe(PALETTES.light.background);
    const dark = composeChartSvg(card(), { ...META, background: 'dark' }).svg;
    expect(fill(dark)).toBe(PALETTES.dark.background);
    // The title block is in the dark theme's text colour, so it reads on the dark page.
    expect(parse(dark).querySelector('text')!.getAttribute('fill')).toBe(PALETTES.dark.text);
    const transparent = composeChartSvg(card(), { ...META, background: 'transparent' }).svg;
    expect(parse(transparent).documentElement.querySelector(':scope > rect[width="100%"]')).toBeNull();
  });

  it('"chart only" leaves out the title block and the footer, and keeps the legend', () => {
    const doc = parse(composeChartSvg(card(), { ...META, chartOnly: true }).svg);
    const texts = [...doc.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(texts.join(' ')).not.toContain('Deals by lifecycle stage');
    expect(texts.join(' ')).not.toContain('Source:');
    expect(texts.some((t) => t?.includes('MQ-9B'))).toBe(true);
    expect(doc.querySelector('title')!.textContent).toBe('Deals by lifecycle stage');
  });

  it('at a frame, the file has the frame’s size and the drawing keeps its aspect, centred in its space', () => {
    const frame = { width: 1920, height: 1080, scale: 1.5 };
    const composed = composeChartSvg(card(), { ...META, frame });
    expect([composed.width, composed.height]).toEqual([1920, 1080]);
    const root = parse(composed.svg).documentElement;
    expect(root.getAttribute('viewBox')).toBe('0 0 1280 720');
    const drawing = root.querySelector(':scope > svg')!;
    const w = Number(drawing.getAttribute('width'));
    const h = Number(drawing.getAttribute('height'));
    expect(w / h).toBeCloseTo(DRAWN.width / DRAWN.height, 5);
    const area = drawingArea({ ...META, frame }, [{ label: 'MQ-9B', colour: '#0072B2' }], frame);
    expect(w).toBeLessThanOrEqual(area.width + 0.5);
    expect(h).toBeLessThanOrEqual(area.height + 0.5);
  });
});
