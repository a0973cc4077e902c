import { buildApp, createServices } from './app';
import { runAdminCommand } from './cli/admin-command';
import { runImportCommand } from './cli/import-command';
import { ConfigError, loadConfig } from './config';
import { migrateDatabase, openDatabase } from './db/database';
import { assertWritableDir } from './files/writable-dir';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from './modules/demo/demo.seed';
import { ROSTER_IMPORT_JOB } from './modules/imports/imports.service';
import { DASHBOARD_FACTS_JOB, PURGE_JOB, VACUUM_JOB } from './modules/jobs/jobs.registry';

const USAGE = `Dashu (大树)
Usage: npm run dashu -- <command> [options]
  start                         run the server (default)
  migrate                       apply database migrations and exit
  seed-demo                     load the two demo communities into an empty database
  import FILE --community CODE  load a household roster (.xlsx or .csv)
  admin create --username U --name NAME --role ROLE --place CODE   create an account (asks for a password)
`;

async function main() {
  const [command = 'start', ...rest] = process.argv.slice(2);
  if (command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  await migrateDatabase(database);
  let services: ReturnType<typeof createServices> | undefined;
  const shutdown = async () => {
    await services?.jobs.stop();
    await database.close();
  };
  try {
    if (command === 'migrate') {
      console.log('数据库已是最新 · database is up to date');
    } else if (command === 'seed-demo') {
      const services = createServices(config, database);
      if (!(await isDatabaseEmpty(database.db)))
        throw new Error('数据库不是空的，未载入演示数据 · database is not empty');
      await seedDemo(services, (line) => console.log(line));
    } else if (command === 'import') {
      services = createServices(config, database);
      // The import is a job like the web's: this process works it (a server on the same PostgreSQL may
      // take it instead; the command follows its row either way).
      await services.jobs.start({ schedules: false, supervise: false, only: [ROSTER_IMPORT_JOB] });
      await runImportCommand(services, rest);
    } else if (command === 'admin') {
      await runAdminCommand(createServices(config, database), rest);
    } else if (command === 'start') {
      await start(config, database);
      return;
    } else {
      process.stderr.write(`未知命令 · unknown command: ${command}\n\n${USAGE}`);
      process.exitCode = 2;
    }
  } finally {
    if (command !== 'start') await shutdown();
  }
}

async function start(
  config: ReturnType<typeof loadConfig>,
  database: Awaited<ReturnType<typeof openDatabase>>,
) {
  // Directories every instance shares (docs/SCALE.md): refused at start when this instance cannot write them.
  assertWritableDir(config.photoDir, { zh: '照片目录', en: 'photo directory' });
  assertWritableDir(config.passKeyDir, { zh: '签名密钥目录', en: 'pass-signing key directory' });
  assertWritableDir(config.uploadDir, { zh: '上传文件目录', en: 'upload directory' });
  const services = createServices(config, database);
  if (config.demo && (await isDatabaseEmpty(database.db))) {
    console.log('首次启动：正在载入演示数据… · first start: loading the demo data…');
    await seedDemo(services, (line) => console.log(line));
  }
  const { app } = await buildApp({ config, database, services, logger: true });
  // Timed jobs (modules/jobs/jobs.registry.ts): purge every six hours, the embedded database's vacuum,
  // imports. On the embedded database this is the only process: runs it left active when it stopped are
  // failed now, so retried.
  await services.jobs.start({ recoverAbandoned: database.kind === 'embedded' });
  // Purged once at start too (a committee's computer is often off at night, past the six-hourly times):
  // once across instances starting together.
  await services.jobs.send(PURGE_JOB, {}, { singletonKey: 'at-start', singletonSeconds: 600 });
  // The dashboards' facts at once, not at the next minute.
  await services.jobs.send(DASHBOARD_FACTS_JOB, {}, { singletonKey: 'at-start', singletonSeconds: 60 });
  await app.listen({ port: config.port, host: config.host });
  // Half a minute after start, out of the way of the first pages opened.
  if (database.kind === 'embedded')
    await services.jobs.send(
      VACUUM_JOB,
      {},
      { startAfterSeconds: 30, singletonKey: 'at-start', singletonSeconds: 600 },
    );
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(
    `\n大树 Dashu 已启动 · running at http://${shown}:${config.port}/admin/  (${database.kind} database)`,
  );
  const accountCount = await database.pool.query('select count(*)::int as n from accounts');
  if (accountCount.rows[0]?.n === 0) {
    console.log('还没有任何账号。请先创建第一个账号 · no accounts yet; create the first one with:');
    console.log(
      '  npm run dashu -- admin create --username admin --name 管理员 --role district_officer --place beijing --create-place 北京市 --kind city',
    );
  } else if (config.demo) {
    console.log(`演示账号 · demo accounts (password 密码: ${DEMO_PASSWORD}):`);
    console.log(
      '  admin, chaoyang, haidian, dongfeng, ganjiakou, ziluoyuan, gongyun, zly-sg1, gy-sg1, zly-vol1, gy-vol1, zly-gate1, gy-gate1',
    );
  }
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`配置错误 · configuration error: ${error.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
