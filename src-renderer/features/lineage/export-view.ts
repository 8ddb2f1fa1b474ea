import { drawLineage } from './draw-lineage';
import type { LineageLayout } from './layout-graph';
import { readLineageColors } from './lineage-colors';

const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight'] as const;

/** A standalone copy of the drawn graph: computed styles inlined, the whole layout in view. */
export function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = svg.querySelectorAll<SVGElement>('*');
  const copies = clone.querySelectorAll<SVGElement>('*');
  originals.forEach((el, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(el);
    copy.setAttribute('style', STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';'));
    copy.removeAttribute('class');
  });
  clone.querySelector(':scope > g')?.removeAttribute('transform');
  clone.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  clone.setAttribute('width', String(Math.ceil(width)));
  clone.setAttribute('height', String(Math.ceil(height)));
  const background = getComputedStyle(svg).getPropertyValue('background-color');
  clone.setAttribute('style', `background:${background}`);
  return new XMLSerializer().serializeToString(clone);
}

function download(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}

export function exportSvg(svg: SVGSVGElement, width: number, height: number, name: string): void {
  const url = URL.createObjectURL(new Blob([standaloneSvg(svg, width, height)], { type: 'image/svg+xml' }));
  download(url, `${name}.svg`);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draws the standalone SVG on a canvas (twice the size, capped) and saves it as PNG. */
export function exportPng(svg: SVGSVGElement, width: number, height: number, name: string): void {
  const text = standaloneSvg(svg, width, height);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  image.onload = () => {
    const scale = Math.min(2, 8_000 / Math.max(width, height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    ctx.fillStyle = getComputedStyle(svg).getPropertyValue('background-color') || '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0);
    URL.revokeObjectURL(url);
    savePng(canvas, name);
  };
  image.src = url;
}

function savePng(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => {
    if (blob === null) return;
    const png = URL.createObjectURL(blob);
    download(png, `${name}.png`);
    setTimeout(() => URL.revokeObjectURL(png), 10_000);
  }, 'image/png');
}

/** Canvas mode: draws the whole layout on an offscreen canvas (twice the size, capped) with the view's own drawing, and saves it as PNG. */
export function exportLayoutPng(layout: LineageLayout, themed: Element, name: string): void {
  const scale = Math.min(2, 8_000 / Math.max(layout.width, layout.height, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(layout.width * scale);
  canvas.height = Math.ceil(layout.height * scale);
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  drawLineage(
    ctx,
    layout,
    { x: 0, y: 0, k: 1 },
    { width: layout.width, height: layout.height },
    readLineageColors(themed),
    { traced: null, selected: null },
    scale,
  );
  savePng(canvas, name);
}
