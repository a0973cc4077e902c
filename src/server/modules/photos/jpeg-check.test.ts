import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ImageRefused, type RefusalReason } from './image-refused';
import { checkJpeg } from './jpeg-check';
import { flatJpeg, phoneJpeg } from './test-jpegs';

function refusal(b: Buffer, maxSide = 1600): RefusalReason | 'accepted' {
  try {
    checkJpeg(b, maxSide);
    return 'accepted';
  } catch (error) {
    if (error instanceof ImageRefused) return error.reason;
    throw error;
  }
}

const SCRIPT = Buffer.from('<script>fetch("/api/people").then(r=>r.text()).then(alert)</script>');

/** Where the marker `code` starts (after SOI), walking segment lengths. */
function markerAt(b: Buffer, code: number): number {
  for (let at = 2; at < b.length; at += 2 + b.readUInt16BE(at + 2)) if (b[at + 1] === code) return at;
  throw new Error(`no marker ${code.toString(16)}`);
}

describe('the whole JPEG is checked', () => {
  it('accepts a phone photo and keeps only the image: no ICC profile or other metadata', () => {
    const phone = phoneJpeg();
    expect(phone.includes(Buffer.from('ICC_PROFILE'))).toBe(true);
    const kept = checkJpeg(phone, 1600);
    expect(kept).toMatchObject({ width: 160, height: 120 });
    expect(kept.body.includes(Buffer.from('ICC_PROFILE'))).toBe(false);
    expect(kept.body.subarray(0, 4)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    expect(kept.body.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    // What is kept passes again unchanged.
    expect(checkJpeg(kept.body, 1600).body.equals(kept.body)).toBe(true);
  });

  it('refuses a PNG, even a valid one, and a PNG with a script appended', () => {
    const image = new PNG({ width: 20, height: 10 });
    image.data.fill(200);
    const png = PNG.sync.write(image);
    expect(refusal(png)).toBe('not_jpeg');
    expect(refusal(Buffer.concat([png, SCRIPT]))).toBe('not_jpeg');
  });

  it('refuses bytes after the end of the image, however few', () => {
    const phone = phoneJpeg();
    expect(refusal(Buffer.concat([phone, SCRIPT]))).toBe('trailing');
    expect(refusal(Buffer.concat([phone, Buffer.from([0])]))).toBe('trailing');
    expect(refusal(Buffer.concat([phone, phone]))).toBe('trailing');
  });

  it('refuses every truncation of a photo, with or without an end marker put back', () => {
    const phone = phoneJpeg();
    const eoi = Buffer.from([0xff, 0xd9]);
    for (let cut = 0; cut < phone.length; cut += 1) {
      expect(refusal(phone.subarray(0, cut))).not.toBe('accepted');
      if (cut < phone.length - 2)
        expect(refusal(Buffer.concat([phone.subarray(0, cut), eoi]))).not.toBe('accepted');
    }
  });

  it('refuses data hidden inside the scan, before the end marker', () => {
    const phone = phoneJpeg();
    const end = phone.length - 2;
    expect(refusal(Buffer.concat([phone.subarray(0, end), SCRIPT, phone.subarray(end)]))).toBe('malformed');
    const stuffed = Buffer.from([0x12, 0xff, 0x00, 0x34]);
    expect(refusal(Buffer.concat([phone.subarray(0, end), stuffed, phone.subarray(end)]))).toBe('malformed');
  });

  it('drops metadata segments instead of keeping what they carry', () => {
    const phone = phoneJpeg();
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, SCRIPT.length + 2]), SCRIPT]);
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 8]), Buffer.from('Exif\0\0')]);
    const withMeta = Buffer.concat([phone.subarray(0, 2), comment, exif, phone.subarray(2)]);
    const kept = checkJpeg(withMeta, 1600);
    expect(kept.body.includes(SCRIPT)).toBe(false);
    expect(kept.body.includes(Buffer.from('Exif'))).toBe(false);
    expect(kept.body.equals(checkJpeg(phone, 1600).body)).toBe(true);
  });

  it('follows restart markers, and refuses them out of order', () => {
    expect(checkJpeg(flatJpeg(100, 50, 3), 1600)).toMatchObject({ width: 100, height: 50 });
    const good = flatJpeg(100, 50, 3);
    const rst = good.indexOf(Buffer.from([0xff, 0xd1]));
    const swapped = Buffer.from(good);
    swapped[rst + 1] = 0xd2;
    expect(refusal(swapped)).toBe('malformed');
  });

  it('refuses encodings phones do not make, and frames past the longest side', () => {
    const progressive = Buffer.from(phoneJpeg());
    progressive[markerAt(progressive, 0xc0) + 1] = 0xc2;
    expect(refusal(progressive)).toBe('unsupported');
    expect(refusal(flatJpeg(4000, 3000))).toBe('too_large');
    expect(refusal(flatJpeg(1600, 8))).toBe('accepted');
    expect(refusal(Buffer.from('GIF89a……'))).toBe('not_jpeg');
    expect(refusal(Buffer.from([0xff, 0xd8, 0xff]))).toBe('not_jpeg');
  });

  it('answers any damaged file with a refusal, never another error', () => {
    const phone = phoneJpeg();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(phone.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const b = Buffer.from(phone);
          for (const [at, value] of edits) b[at] = value;
          expect([
            'accepted',
            'malformed',
            'truncated',
            'trailing',
            'unsupported',
            'too_large',
            'not_jpeg',
          ]).toContain(refusal(b));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
