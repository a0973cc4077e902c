import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { and, eq } from 'drizzle-orm';
import type { Services } from '../http/types';
import { places } from '../modules/places/places.table';

/** `import FILE --community CODE`: the same import as the web page, with a progress bar in the terminal. */
export async function runImportCommand(services: Services, argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { community: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || !values.community)
    throw new Error('用法 · usage: npm run dashu -- import FILE --community CODE');
  const { db } = services.database;
  const community = (
    await db
      .select()
      .from(places)
      .where(and(eq(places.code, values.community), eq(places.kind, 'community')))
      .limit(1)
  )[0];
  if (!community)
    throw new Error(`找不到编码为 ${values.community} 的社区 · no community with code ${values.community}`);
  const bar = new SingleBar({ format: '{phase} [{bar}] {value}/{total} 行 rows', hideCursor: true });
  bar.start(1, 0, { phase: '读取 reading' });
  const started = Date.now();
  const job = await services.imports
    .start(null, {
      communityId: community.id,
      fileName: path.basename(file),
      stream: createReadStream(file),
      wait: true,
      onProgress: (p) => {
        const reading = p.phase === 'reading';
        bar.setTotal(reading ? Math.max(p.processedRows, 1) : (p.totalRows ?? 1));
        bar.update(p.processedRows, { phase: reading ? '读取 reading' : '写入 writing' });
      },
    })
    .finally(() => bar.stop());
  console.log(
    `完成 · done in ${((Date.now() - started) / 1000).toFixed(1)} s: 新增 inserted ${job.inserted}, 更新 updated ${job.updated}, ` +
      `未变 unchanged ${job.unchanged}, 未导入 rejected ${job.rejected}, 冲突未导入 conflicts held ${job.conflicts}, ` +
      `新建楼栋/单元 places created ${job.placesCreated}`,
  );
  if (job.rejected + job.conflicts > 0) {
    const out = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-未导入的行.xlsx`);
    const rows = await services.imports.rejectedWorkbook(null, job.id);
    await writeFile(out, rows);
    console.log(`未导入的行及原因已写入 · rejected rows with reasons: ${out}`);
  }
}
