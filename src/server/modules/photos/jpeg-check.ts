// The whole of a JPEG, checked without native binaries: every segment walked from SOI to EOI, every scan's
// entropy-coded data decoded to exactly the frame's blocks, nothing after EOI. Phones re-encode each photo as
// a baseline JPEG on a canvas (src/web/shared/resize-photo.ts), so that is what is accepted; the file kept is
// rebuilt from the image segments alone — metadata (EXIF with its GPS position, ICC profiles, comments,
// thumbnails) is dropped, so no byte of the stored file is free-form text from the client.
import { ImageRefused, type RefusalReason } from './image-refused';
import { decodeScan, type HuffmanTable, huffmanTable, type ScanComponent } from './jpeg-scan';

export interface CheckedJpeg {
  /** The file to keep: SOI, the image's own segments and scans, EOI. */
  body: Buffer;
  width: number;
  height: number;
}

interface FrameComponent {
  id: number;
  h: number;
  v: number;
  quantTable: number;
  scanned: boolean;
}

interface Frame {
  width: number;
  height: number;
  components: FrameComponent[];
  hMax: number;
  vMax: number;
}

interface Tables {
  quant: Set<number>;
  dc: Map<number, HuffmanTable>;
  ac: Map<number, HuffmanTable>;
  restartInterval: number;
}

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
/** A plain JFIF APP0 (version 1.01, square pixels, no thumbnail) stands in for the client's own. */
const JFIF = Buffer.from([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
/** Baseline and extended sequential Huffman: what canvas encoders write. */
const SEQUENTIAL = new Set([0xc0, 0xc1]);
/** Progressive, lossless, hierarchical or arithmetic-coded frames (and DAC): valid JPEG, not the phone's. */
const OTHER_FRAMES = new Set([0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf]);

function refuse(reason: RefusalReason): never {
  throw new ImageRefused(reason);
}

function readFrame(body: Buffer, maxSide: number): Frame {
  const count = body[5] ?? 0;
  if (body.length < 6 || body.length !== 6 + 3 * count || count < 1 || count > 4) refuse('malformed');
  if (body[0] !== 8) refuse('unsupported');
  const height = body.readUInt16BE(1);
  const width = body.readUInt16BE(3);
  // A height of 0 defers it to a DNL segment, which no canvas writes.
  if (height === 0) refuse('unsupported');
  if (width === 0) refuse('malformed');
  // Checked before any scan is decoded, so an oversized frame costs nothing.
  if (Math.max(width, height) > maxSide) refuse('too_large');
  const components: FrameComponent[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 3 * i;
    const id = body[at] as number;
    const h = (body[at + 1] as number) >> 4;
    const v = (body[at + 1] as number) & 15;
    const quantTable = body[at + 2] as number;
    if (h < 1 || h > 4 || v < 1 || v > 4 || quantTable > 3 || components.some((c) => c.id === id))
      refuse('malformed');
    components.push({ id, h, v, quantTable, scanned: false });
  }
  const hMax = Math.max(...components.map((c) => c.h));
  const vMax = Math.max(...components.map((c) => c.v));
  return { width, height, components, hMax, vMax };
}

function readQuantTables(body: Buffer, tables: Tables): void {
  for (let at = 0; at < body.length; ) {
    const precision = (body[at] as number) >> 4;
    const id = (body[at] as number) & 15;
    const size = precision === 0 ? 64 : precision === 1 ? 128 : 0;
    if (size === 0 || id > 3 || at + 1 + size > body.length) refuse('malformed');
    tables.quant.add(id);
    at += 1 + size;
  }
}

function readHuffmanTables(body: Buffer, tables: Tables): void {
  for (let at = 0; at < body.length; ) {
    const tableClass = (body[at] as number) >> 4;
    const id = (body[at] as number) & 15;
    if (tableClass > 1 || id > 3 || at + 17 > body.length) refuse('malformed');
    const counts = body.subarray(at + 1, at + 17);
    const total = counts.reduce((sum, n) => sum + n, 0);
    if (total === 0 || total > 256 || at + 17 + total > body.length) refuse('malformed');
    const table = huffmanTable(counts, body.subarray(at + 17, at + 17 + total));
    (tableClass === 0 ? tables.dc : tables.ac).set(id, table);
    at += 17 + total;
  }
}

/** A scan header against the frame and the tables defined so far: which blocks its data must hold. */
function scanLayout(body: Buffer, frame: Frame, tables: Tables) {
  const count = body[0] ?? 0;
  if (count < 1 || count > 4 || body.length !== 4 + 2 * count) refuse('malformed');
  const components: ScanComponent[] = [];
  const seen: FrameComponent[] = [];
  for (let i = 0; i < count; i++) {
    const fc = frame.components.find((c) => c.id === body[1 + 2 * i]);
    const dc = tables.dc.get((body[2 + 2 * i] as number) >> 4);
    const ac = tables.ac.get((body[2 + 2 * i] as number) & 15);
    if (!fc || fc.scanned || seen.includes(fc) || !dc || !ac || !tables.quant.has(fc.quantTable))
      refuse('malformed');
    seen.push(fc);
    const blocksPerLine = Math.ceil(Math.ceil((frame.width * fc.h) / frame.hMax) / 8);
    const blocksPerColumn = Math.ceil(Math.ceil((frame.height * fc.v) / frame.vMax) / 8);
    const alone = count === 1;
    components.push({ h: alone ? 1 : fc.h, v: alone ? 1 : fc.v, blocksPerLine, blocksPerColumn, dc, ac });
  }
  const spectral = body.subarray(1 + 2 * count);
  // Sequential scans cover all 64 coefficients at full precision (Ss 0, Se 63, Ah Al 0).
  if (spectral[0] !== 0 || spectral[1] !== 63 || spectral[2] !== 0) refuse('unsupported');
  if (count > 1 && components.reduce((n, c) => n + c.h * c.v, 0) > 10) refuse('malformed');
  for (const fc of seen) fc.scanned = true;
  return {
    components,
    mcusPerLine: Math.ceil(frame.width / (8 * frame.hMax)),
    mcusPerColumn: Math.ceil(frame.height / (8 * frame.vMax)),
    restartInterval: tables.restartInterval,
  };
}

/**
 * Checks a whole JPEG and returns the file to keep, or throws ImageRefused: not a JPEG, cut short, bytes after
 * its end, an encoding phones do not make, or anything that does not follow the format.
 */
export function checkJpeg(b: Buffer, maxSide: number): CheckedJpeg {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) refuse('not_jpeg');
  const kept: Buffer[] = [];
  const tables: Tables = { quant: new Set(), dc: new Map(), ac: new Map(), restartInterval: 0 };
  let frame: Frame | undefined;
  let jfif = false;
  let adobe: Buffer | undefined;
  let scans = 0;
  let at = 2;
  for (;;) {
    if (at + 2 > b.length) refuse('truncated');
    if (b[at] !== 0xff) refuse('malformed');
    while (b[at + 1] === 0xff) at += 1; // fill bytes before a marker
    const marker = b[at + 1];
    if (marker === undefined) refuse('truncated');
    if (marker === 0xd9) {
      if (!frame || scans === 0 || frame.components.some((c) => !c.scanned)) refuse('truncated');
      if (at + 2 !== b.length) refuse('trailing');
      break;
    }
    if (at + 4 > b.length) refuse('truncated');
    const end = at + 2 + b.readUInt16BE(at + 2);
    if (end < at + 4) refuse('malformed');
    if (end > b.length) refuse('truncated');
    const segment = b.subarray(at, end);
    const body = b.subarray(at + 4, end);
    if (marker === 0xda) {
      if (!frame) refuse('malformed');
      const dataEnd = decodeScan(b, end, scanLayout(body, frame, tables));
      kept.push(b.subarray(at, dataEnd));
      scans += 1;
      at = dataEnd;
      continue;
    }
    if (marker === 0xe0) jfif ||= body.subarray(0, 5).toString('latin1') === 'JFIF\0';
    else if (marker === 0xee) {
      // Adobe's APP14 says how the colours were transformed; its fixed 12 bytes are all a decoder reads.
      if (body.length === 12 && body.subarray(0, 5).toString('latin1') === 'Adobe') adobe = segment;
    } else if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) {
      // Metadata and comments: dropped.
    } else if (marker === 0xdb) {
      readQuantTables(body, tables);
      kept.push(segment);
    } else if (marker === 0xc4) {
      readHuffmanTables(body, tables);
      kept.push(segment);
    } else if (marker === 0xdd) {
      if (body.length !== 2) refuse('malformed');
      tables.restartInterval = body.readUInt16BE(0);
      kept.push(segment);
    } else if (SEQUENTIAL.has(marker)) {
      if (frame) refuse('malformed');
      frame = readFrame(body, maxSide);
      kept.push(segment);
    } else if (OTHER_FRAMES.has(marker)) {
      refuse(frame ? 'malformed' : 'unsupported');
    } else {
      // SOI again, a restart outside a scan, DNL, DHP, EXP, JPGn or a reserved marker.
      refuse('malformed');
    }
    at = end;
  }
  if (!frame) refuse('malformed');
  const head = [SOI, ...(jfif ? [JFIF] : []), ...(adobe ? [Buffer.from(adobe)] : [])];
  return { body: Buffer.concat([...head, ...kept, EOI]), width: frame.width, height: frame.height };
}
