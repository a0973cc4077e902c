/** What the first bytes of an image say: its type and size, without decoding it (no native binaries). */
export interface ImageHeader {
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Start-of-frame markers carry the dimensions (not C4 = DHT, C8 = JPG, CC = DAC).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Buffer): ImageHeader | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = b.readUInt16BE(at + 2);
    if (SOF.has(marker)) {
      const height = b.readUInt16BE(at + 5);
      const width = b.readUInt16BE(at + 7);
      return width && height ? { mime: 'image/jpeg', width, height } : null;
    }
    at += 2 + length;
  }
  return null;
}

function png(b: Buffer): ImageHeader | null {
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  return width && height ? { mime: 'image/png', width, height } : null;
}

function webp(b: Buffer): ImageHeader | null {
  if (b.length < 30) return null;
  const chunk = b.toString('latin1', 12, 16);
  let width = 0;
  let height = 0;
  if (chunk === 'VP8 ') {
    width = b.readUInt16LE(26) & 0x3fff;
    height = b.readUInt16LE(28) & 0x3fff;
  } else if (chunk === 'VP8L') {
    const [b0, b1, b2, b3] = [b[21], b[22], b[23], b[24]] as number[] as [number, number, number, number];
    width = 1 + (((b1 & 0x3f) << 8) | b0);
    height = 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6));
  } else if (chunk === 'VP8X') {
    width = 1 + b.readUIntLE(24, 3);
    height = 1 + b.readUIntLE(27, 3);
  } else {
    return null;
  }
  return width && height ? { mime: 'image/webp', width, height } : null;
}

/** JPEG, PNG or WebP by their magic bytes, with the dimensions from the header; null for anything else. */
export function readImageHeader(b: Buffer): ImageHeader | null {
  try {
    if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
    if (b.subarray(0, 8).equals(PNG_SIGNATURE)) return png(b);
    if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return webp(b);
  } catch {
    // A header cut short reads past the end: not an image we can accept.
  }
  return null;
}
