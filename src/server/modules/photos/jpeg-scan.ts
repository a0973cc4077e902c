// The entropy-coded part of a baseline JPEG, decoded symbol by symbol (no pixels: no IDCT, no colour), so
// that every byte between a scan header and the next marker is accounted for by the frame's blocks.
import { ImageRefused } from './image-refused';

/** A Huffman table as the JPEG standard decodes it (ITU T.81, F.2.2.3): per code length, the codes' span. */
export interface HuffmanTable {
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  values: Uint8Array;
}

/** Builds a table from a DHT's 16 counts and its values; refuses a code space that is over-full. */
export function huffmanTable(counts: Uint8Array, values: Uint8Array): HuffmanTable {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    const n = counts[length - 1] as number;
    valPtr[length] = k;
    minCode[length] = code;
    code += n;
    k += n;
    // Codes of this length must fit in `length` bits (all ones stays reserved).
    if (n > 0 && code > (1 << length) - 1) throw new ImageRefused('malformed');
    if (n > 0) maxCode[length] = code - 1;
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff;
  return { maxCode, valPtr, minCode, values };
}

export interface ScanComponent {
  /** Blocks across and down one MCU (the sampling factors) — 1×1 when the scan holds one component. */
  h: number;
  v: number;
  /** Blocks across and down the whole component (used when it is alone in its scan). */
  blocksPerLine: number;
  blocksPerColumn: number;
  dc: HuffmanTable;
  ac: HuffmanTable;
}

export interface ScanLayout {
  components: ScanComponent[];
  /** MCUs across and down the frame when the scan interleaves several components. */
  mcusPerLine: number;
  mcusPerColumn: number;
  restartInterval: number;
}

/** Reads the scan's bits, un-stuffing 0xFF 0x00; stops at any other marker (a restart or the scan's end). */
class BitReader {
  private byte = 0;
  private bitsLeft = 0;
  constructor(
    private readonly b: Buffer,
    public at: number,
  ) {}

  bit(): number {
    if (this.bitsLeft === 0) {
      if (this.at >= this.b.length) throw new ImageRefused('truncated');
      const next = this.b[this.at] as number;
      if (next === 0xff) {
        const after = this.b[this.at + 1];
        if (after === undefined) throw new ImageRefused('truncated');
        // A marker where data was still needed: the scan was cut short.
        if (after !== 0x00) throw new ImageRefused('truncated');
        this.at += 2;
      } else {
        this.at += 1;
      }
      this.byte = next;
      this.bitsLeft = 8;
    }
    this.bitsLeft -= 1;
    return (this.byte >> this.bitsLeft) & 1;
  }

  bits(n: number): void {
    for (let i = 0; i < n; i++) this.bit();
  }

  decode(t: HuffmanTable): number {
    let code = this.bit();
    let length = 1;
    while (code > (t.maxCode[length] as number)) {
      code = (code << 1) | this.bit();
      length += 1;
      if (length > 16) throw new ImageRefused('malformed');
    }
    const index = (t.valPtr[length] as number) + code - (t.minCode[length] as number);
    const value = t.values[index];
    if (value === undefined) throw new ImageRefused('malformed');
    return value;
  }

  /** The padding bits of the last byte are dropped: the next thing must be a marker. */
  align(): void {
    this.bitsLeft = 0;
  }
}

function block(r: BitReader, c: ScanComponent): void {
  const dcSize = r.decode(c.dc);
  if (dcSize > 11) throw new ImageRefused('malformed');
  r.bits(dcSize);
  for (let k = 1; k < 64; ) {
    const rs = r.decode(c.ac);
    const run = rs >> 4;
    const size = rs & 15;
    if (size === 0) {
      if (run !== 15) return; // end of block
      k += 16;
      continue;
    }
    if (size > 10) throw new ImageRefused('malformed');
    k += run;
    if (k > 63) throw new ImageRefused('malformed');
    r.bits(size);
    k += 1;
  }
}

/**
 * Decodes one baseline scan starting at `start` (just after its header) and returns where its data ends: the
 * offset of the marker that follows. Throws when the data is short, malformed, or longer than the frame's
 * blocks need (bytes hidden inside a scan).
 */
export function decodeScan(b: Buffer, start: number, layout: ScanLayout): number {
  const r = new BitReader(b, start);
  const single = layout.components.length === 1;
  const only = layout.components[0] as ScanComponent;
  const total = single
    ? only.blocksPerLine * only.blocksPerColumn
    : layout.mcusPerLine * layout.mcusPerColumn;
  let restarts = 0;
  for (let mcu = 0; mcu < total; mcu++) {
    if (layout.restartInterval > 0 && mcu > 0 && mcu % layout.restartInterval === 0) {
      r.align();
      if (b[r.at] !== 0xff || b[r.at + 1] !== 0xd0 + (restarts % 8)) throw new ImageRefused('malformed');
      r.at += 2;
      restarts += 1;
    }
    if (single) block(r, only);
    else for (const c of layout.components) for (let n = 0; n < c.h * c.v; n++) block(r, c);
  }
  r.align();
  // Fill bytes (0xFF) may precede a marker; anything else is data the frame does not account for.
  let at = r.at;
  while (b[at] === 0xff && b[at + 1] === 0xff) at += 1;
  const marker = b[at + 1];
  if (at >= b.length) throw new ImageRefused('truncated');
  if (b[at] !== 0xff || marker === undefined || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7))
    throw new ImageRefused('malformed');
  return at;
}
