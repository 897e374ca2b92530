/** Draws an SVG string on a canvas at `scale` and returns a PNG. The SVG is self-contained, so the canvas is never tainted. */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  return dataUrlToBlob(await svgToDataUrl(svg, width, height, scale, 'image/png'));
}

/**
 * The same drawing as a data URL in `type`: the briefing PDF falls back to a JPEG at modest resolution
 * when a chart cannot be drawn as vectors, since a 2× PNG a page made that PDF 38 MB.
 */
export async function svgToDataUrl(
  svg: string,
  width: number,
  height: number,
  scale: number,
  type: 'image/png' | 'image/jpeg',
  quality?: number,
): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode().catch(() => {
      throw new Error('the chart could not be drawn as an image (the browser did not decode its SVG).');
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas.');
    // JPEG has no transparency: a transparent background would turn black.
    if (type === 'image/jpeg') {
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    // toDataURL encodes at once. toBlob is scheduled as an idle task, and a page that draws no frames
    // (headless Chromium here) gets its first idle period only after about a second: 1,070 ms against
    // 50–90 ms for the same export, measured in this repository's browser tests.
    const dataUrl = canvas.toDataURL(type, quality);
    await assertDecodes(dataUrl, type, canvas.width, canvas.height);
    return dataUrl;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Decodes the image just encoded: a canvas too large for the browser gives "data:," and a failed
 * encoding a broken image, and neither may be saved and reported as done.
 */
async function assertDecodes(dataUrl: string, type: string, width: number, height: number): Promise<void> {
  const failed = () =>
    new Error(`the browser could not encode the chart as a ${width} × ${height} px image.`);
  if (!dataUrl.startsWith(`data:${type};base64,`)) throw failed();
  const check = new Image();
  check.src = dataUrl;
  await check.decode().catch(() => {
    throw failed();
  });
  if (check.naturalWidth !== width || check.naturalHeight !== height) throw failed();
}

function dataUrlToBlob(dataUrl: string): Blob {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
