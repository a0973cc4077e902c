// Multipart bodies for the OpenAPI fuzz test: the valid upload of a route, then cut short at several bytes,
// without or with another boundary, with two files, a field and no file, odd file names.
import type { VariantClass } from './fuzz-values';

export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

export const BOUNDARY = 'dashufuzzboundary';

export function multipartPayload(file: MultipartFile, boundary = BOUNDARY): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\n` +
        `Content-Type: ${file.contentType}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

export function multipartVariants(
  file: MultipartFile,
): Array<{ cls: VariantClass; label: string; ct: string; payload: Buffer | string }> {
  const ct = `multipart/form-data; boundary=${BOUNDARY}`;
  const whole = multipartPayload(file);
  const headerEnd = whole.indexOf('\r\n\r\n') + 4;
  const cuts = [
    1,
    20,
    headerEnd - 2,
    headerEnd,
    headerEnd + Math.floor(file.content.length / 2),
    whole.length - 10,
    whole.length - 3,
  ];
  const v = (cls: VariantClass, label: string, payload: Buffer | string, type = ct) => ({
    cls,
    label,
    payload,
    ct: type,
  });
  return [
    ...cuts.map((n) => v('truncated-multipart', `cut at byte ${n} of ${whole.length}`, whole.subarray(0, n))),
    v(
      'truncated-multipart',
      'no closing boundary',
      whole.subarray(0, whole.length - `\r\n--${BOUNDARY}--\r\n`.length),
    ),
    v('truncated-multipart', 'boundary missing from the header', whole, 'multipart/form-data'),
    v('truncated-multipart', 'another boundary in the header', whole, 'multipart/form-data; boundary=other'),
    v('truncated-multipart', 'empty multipart body', ''),
    v('truncated-multipart', 'empty boundary', whole, 'multipart/form-data; boundary='),
    v(
      'truncated-multipart',
      'boundary of 300 characters',
      whole,
      `multipart/form-data; boundary=${'b'.repeat(300)}`,
    ),
    v('truncated-multipart', 'only the closing boundary', `--${BOUNDARY}--\r\n`),
    v('truncated-multipart', 'LF line ends', whole.toString('latin1').replace(/\r\n/g, '\n')),
    v(
      'truncated-multipart',
      'a field, no file',
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc\r\n--${BOUNDARY}--\r\n`,
    ),
    v(
      'truncated-multipart',
      'two files',
      Buffer.concat([whole.subarray(0, whole.length - `--${BOUNDARY}--\r\n`.length), whole]),
    ),
    v('nul', 'NUL in the file name', multipartPayload({ ...file, filename: `a\u0000${file.filename}` })),
    v('unicode', 'path in the file name', multipartPayload({ ...file, filename: `../../${file.filename}` })),
    v('unicode', 'no file name', multipartPayload({ ...file, filename: '' })),
    v(
      'content-type',
      'file part without content type',
      whole.toString('latin1').replace(/Content-Type: [^\r]*\r\n/, ''),
    ),
    v('content-type', 'JSON to a file route', '{"file":"x"}', 'application/json'),
    v('content-type', 'text to a file route', 'file', 'text/plain'),
  ];
}
