import type { TaskState } from '../../../src-shared/domain/states';
import { stateLooks, type StateShape } from '../../ui/states/state-look';
import type { GridColors } from './theme-colors';

/** One grid cell: the state's colour, plus a glyph by shape so colour never carries the state alone; a try count past 1 in the corner. */
export function drawCell(
  ctx: CanvasRenderingContext2D,
  colors: GridColors,
  state: TaskState,
  tries: number,
  x: number,
  y: number,
  size: number,
): void {
  const look = stateLooks[state];
  const color = colors.tone[look.tone];
  const inset = 2;
  const s = size - inset * 2;
  const x0 = x + inset;
  const y0 = y + inset;
  const hollow: readonly StateShape[] = ['hollow', 'clock', 'pause', 'play', 'skip', 'dash'];
  if (hollow.includes(look.shape)) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x0 + 0.75, y0 + 0.75, s - 1.5, s - 1.5);
  } else {
    ctx.fillStyle = color;
    ctx.fillRect(x0, y0, s, s);
  }
  const cx = x0 + s / 2;
  const cy = y0 + s / 2;
  ctx.beginPath();
  switch (look.shape) {
    case 'cross':
      ctx.strokeStyle = colors.ink;
      ctx.lineWidth = 1.6;
      ctx.moveTo(x0 + 3, y0 + 3);
      ctx.lineTo(x0 + s - 3, y0 + s - 3);
      ctx.moveTo(x0 + s - 3, y0 + 3);
      ctx.lineTo(x0 + 3, y0 + s - 3);
      ctx.stroke();
      break;
    case 'warn':
      ctx.fillStyle = colors.ink;
      ctx.moveTo(cx, y0 + 2.5);
      ctx.lineTo(x0 + s - 2.5, y0 + s - 2.5);
      ctx.lineTo(x0 + 2.5, y0 + s - 2.5);
      ctx.closePath();
      ctx.fill();
      break;
    case 'retry':
      ctx.strokeStyle = colors.ink;
      ctx.lineWidth = 1.5;
      ctx.arc(cx, cy, s / 2 - 2.5, 0.3, Math.PI * 1.8);
      ctx.stroke();
      break;
    case 'play':
      ctx.fillStyle = color;
      ctx.moveTo(cx - 2, cy - 3);
      ctx.lineTo(cx + 3, cy);
      ctx.lineTo(cx - 2, cy + 3);
      ctx.closePath();
      ctx.fill();
      break;
    case 'clock':
    case 'pause':
      ctx.fillStyle = color;
      ctx.arc(cx, cy, 1.6, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'skip':
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.2;
      ctx.moveTo(x0 + 2, y0 + s - 2);
      ctx.lineTo(x0 + s - 2, y0 + 2);
      ctx.stroke();
      break;
    default:
      break;
  }
  if (tries > 1) {
    ctx.fillStyle = colors.text;
    ctx.font = '600 8px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText(String(Math.min(tries, 9)), x + size, y - 1);
  }
}
