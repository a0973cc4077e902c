import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a file to download. `name` is what the browser saves it as (Chinese, in `filename*`); `fallback`
 * is a plain ASCII name for clients that read only `filename`.
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { name: string; fallback: string; type?: string },
  body: Buffer | Readable,
) {
  reply.header('content-type', file.type ?? XLSX_TYPE);
  reply.header(
    'content-disposition',
    `attachment; filename="${file.fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  return reply.send(body);
}
