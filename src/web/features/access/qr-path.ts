import QRCode from 'qrcode';

/**
 * The mask is fixed: choosing the "best" of eight masks (the library's default) scores all eight and
 * costs ~6× the time, and 3,000 passes must be on the page in seconds. Every mask is valid QR; the
 * checkerboard (0) spreads dark and light evenly, and the print test decodes sheets with jsQR.
 */
const MASK = 0;

/**
 * A QR code as one SVG path (dark modules merged into horizontal runs), for printing thousands at once:
 * no canvas, no data URLs, one small DOM node per code. Quiet zone of `margin` modules around it.
 */
export function qrPath(text: string, margin = 2): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M', maskPattern: MASK });
  const n = modules.size;
  const data = modules.data;
  let d = '';
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!data[y * n + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && data[y * n + x]) x++;
      d += `M${start + margin} ${y + margin}h${x - start}v1h${start - x}z`;
    }
  }
  return { size: n + margin * 2, d };
}
