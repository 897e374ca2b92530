// The briefing deck written with pptxgenjs. This module is only ever loaded with import() when a user
// asks for a deck, so pptxgenjs (about 100 KB gzip with its zip writer) stays out of the first load.
import PptxGenJS from 'pptxgenjs';
import {
  CHART_BOX,
  deckSlides,
  deckText,
  fitText,
  FOOT_BOX,
  MARGIN,
  NOTE_BOX,
  SOURCES_PER_SLIDE,
  SLIDE_W,
  type Briefing,
  type DeckShape,
  type DeckSlide,
} from '../../../domain/export/deck-model';

const INK = '16202A';
const MUTED = '4A5560';
const ALERT = 'B00020';
const FONT = 'Arial';
const W = SLIDE_W - 2 * MARGIN;

type Slide = PptxGenJS.Slide;

function text(
  slide: Slide,
  value: string,
  box: { x: number; y: number; w: number; h: number },
  style: { max: number; min: number; colour?: string; bold?: boolean; align?: 'left' | 'right' | 'center' },
) {
  const fitted = fitText(value, box.w - 0.1, box.h - 0.05, style.max, style.min);
  slide.addText(fitted.text, {
    ...box,
    fontFace: FONT,
    fontSize: fitted.size,
    color: style.colour ?? INK,
    bold: style.bold ?? false,
    align: style.align ?? 'left',
    valign: 'top',
    margin: 0.03,
    fit: 'shrink',
  });
}

function heading(slide: Slide, title: string, subtitle: string) {
  text(slide, title, { x: MARGIN, y: 0.28, w: W, h: 0.78 }, { max: 26, min: 16, bold: true });
  if (subtitle)
    text(slide, subtitle, { x: MARGIN, y: 1.06, w: W, h: 0.46 }, { max: 12, min: 9, colour: MUTED });
}

function foot(slide: Slide, source: string, synthetic: boolean) {
  text(slide, source, FOOT_BOX, { max: 10, min: 7, colour: synthetic ? ALERT : MUTED });
}

function shape(pptx: PptxGenJS, slide: Slide, s: DeckShape) {
  if (s.type === 'text') {
    slide.addText(s.text, {
      x: s.x,
      y: s.y,
      w: s.w,
      h: s.h,
      fontFace: FONT,
      fontSize: s.size,
      color: s.colour,
      bold: s.bold ?? false,
      align: s.align,
      valign: 'middle',
      margin: 0.02,
      fit: 'shrink',
    });
    return;
  }
  if (s.type === 'line') {
    slide.addShape(pptx.ShapeType.line, {
      x: s.x,
      y: s.y,
      w: s.w,
      h: s.h,
      line: { color: s.line, width: s.width, dashType: s.dashed ? 'dash' : 'solid' },
    });
    return;
  }
  const kind = {
    rect: pptx.ShapeType.rect,
    diamond: pptx.ShapeType.diamond,
    ellipse: pptx.ShapeType.ellipse,
  }[s.type];
  slide.addShape(kind, {
    x: s.x,
    y: s.y,
    w: s.w,
    h: s.h,
    fill: { color: s.fill, transparency: s.transparency ?? 0 },
    line: s.line ? { color: s.line, width: 1, dashType: s.dashed ? 'dash' : 'solid' } : { type: 'none' },
  });
}

function addSlide(pptx: PptxGenJS, plan: DeckSlide, synthetic: boolean) {
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  switch (plan.kind) {
    case 'title': {
      text(slide, plan.title, { x: MARGIN, y: 1.6, w: W, h: 1.3 }, { max: 40, min: 24, bold: true });
      if (plan.synthetic)
        text(
          slide,
          'SYNTHETIC DATA: generated for demonstration, not real deals',
          { x: MARGIN, y: 3.0, w: W, h: 0.6 },
          {
            max: 24,
            min: 16,
            bold: true,
            colour: ALERT,
          },
        );
      text(
        slide,
        plan.lines.join('\n'),
        { x: MARGIN, y: 3.8, w: W, h: 2.2 },
        { max: 18, min: 11, colour: MUTED },
      );
      break;
    }
    case 'figures': {
      heading(slide, plan.title, '');
      const rows = plan.figures.length;
      const top = 1.2;
      const rowH = Math.min(1.05, (FOOT_BOX.y - 0.1 - top) / Math.max(1, rows));
      plan.figures.forEach((f, i) => {
        const y = top + i * rowH;
        slide.addShape(pptx.ShapeType.line, {
          x: MARGIN,
          y,
          w: W,
          h: 0,
          line: { color: 'C8CDD2', width: 0.75 },
        });
        text(
          slide,
          f.label,
          { x: MARGIN, y: y + 0.05, w: 4.2, h: rowH * 0.42 },
          { max: 14, min: 9, bold: true, colour: MUTED },
        );
        text(
          slide,
          [f.value, f.extra ? `and ${f.extra}` : ''].filter(Boolean).join(' '),
          {
            x: MARGIN,
            y: y + rowH * 0.45,
            w: 4.2,
            h: rowH * 0.52,
          },
          { max: 24, min: 12, bold: true },
        );
        text(
          slide,
          f.note,
          { x: MARGIN + 4.4, y: y + 0.05, w: W - 4.4, h: rowH - 0.1 },
          { max: 13, min: 8, colour: INK },
        );
      });
      foot(slide, plan.source, synthetic);
      break;
    }
    case 'chart': {
      heading(slide, plan.title, plan.subtitle);
      if (plan.note) text(slide, plan.note, NOTE_BOX, { max: 11, min: 8, colour: MUTED });
      const { type, data, options } = plan.spec;
      slide.addChart(
        type === 'line' ? pptx.ChartType.line : pptx.ChartType.bar,
        data as PptxGenJS.OptsChartData[],
        {
          ...CHART_BOX,
          ...options,
          // pptxgenjs' types name only 'minMax'; 'maxMin' is the OOXML value it writes through.
          catAxisOrientation: options.catAxisOrientation as 'minMax',
          catAxisLabelFontFace: FONT,
          valAxisLabelFontFace: FONT,
          dataLabelFontFace: FONT,
          legendFontFace: FONT,
          catAxisLabelColor: INK,
          valAxisLabelColor: INK,
          dataLabelColor: INK,
          valGridLine: { color: 'D9DDE1', size: 0.5 },
          catGridLine: { style: 'none' },
          valAxisTitleFontSize: 12,
          catAxisTitleFontSize: 12,
          valAxisTitleColor: MUTED,
          catAxisTitleColor: MUTED,
          barGapWidthPct: 60,
        },
      );
      slide.addNotes(plan.notes);
      foot(slide, plan.source, synthetic);
      break;
    }
    case 'timeline': {
      heading(slide, plan.title, plan.subtitle);
      if (plan.note) text(slide, plan.note, NOTE_BOX, { max: 11, min: 8, colour: MUTED });
      for (const s of plan.shapes) shape(pptx, slide, s);
      slide.addNotes(plan.notes);
      foot(slide, plan.source, synthetic);
      break;
    }
    case 'sources': {
      heading(
        slide,
        plan.title,
        'Every source behind a figure in this deck. Addresses that are not http(s) are shown, never linked.',
      );
      const top = 1.6;
      const rowH = (FOOT_BOX.y - 0.1 - top) / SOURCES_PER_SLIDE;
      plan.items.forEach((item, i) => {
        const y = top + i * rowH;
        const line = fitText(item.text, W - 0.1, rowH / 2, 11, 11);
        const address = item.address ? fitText(item.address, W - 0.1, rowH / 2, 10, 10) : undefined;
        const runs: PptxGenJS.TextProps[] = [
          { text: line.text, options: { fontFace: FONT, fontSize: 11, color: INK, breakLine: true } },
        ];
        if (address)
          runs.push({
            text: address.text,
            options: {
              fontFace: FONT,
              fontSize: 10,
              color: item.url ? '0B5CAD' : MUTED,
              // Only an http(s) address is a link; any other is shown as text.
              ...(item.url ? { hyperlink: { url: item.url } } : {}),
            },
          });
        slide.addText(runs, { x: MARGIN, y, w: W, h: rowH, valign: 'top', margin: 0.03 });
      });
      foot(slide, plan.source, synthetic);
      break;
    }
  }
}

/** The deck as a .pptx Blob: a 16:9 deck, native charts, the timeline as shapes, notes with sources. */
export async function writeDeck(briefing: Briefing, date: Date): Promise<{ blob: Blob; slides: number }> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deckText(briefing.title);
  pptx.subject = deckText(`Briefing pack: ${briefing.filters}`);
  pptx.company = 'Defence Procurement Tracker';
  pptx.author = 'Defence Procurement Tracker';
  const plan = deckSlides(briefing, date);
  for (const slide of plan) addSlide(pptx, slide, briefing.synthetic);
  const blob = (await pptx.write({ outputType: 'blob', compression: true })) as Blob;
  return { blob, slides: plan.length };
}
