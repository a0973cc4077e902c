import QRCode from 'qrcode';

/**
 * A QR code as one SVG path (dark modules merged into horizontal runs), for printing thousands at once:
 * no canvas, no data URLs, one small DOM node per code. Quiet zone of `margin` modules around it.
 */
export function qrPath(text: string, margin = 2): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
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
