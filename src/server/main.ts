import { buildApp, createServices } from './app';
import { runAdminCommand } from './cli/admin-command';
import { runImportCommand } from './cli/import-command';
import { ConfigError, loadConfig } from './config';
import { migrateDatabase, openDatabase } from './db/database';
import { vacuumIfEmbedded } from './db/maintenance';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from './modules/demo/demo.seed';

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
  const shutdown = async () => database.close();
  try {
    if (command === 'migrate') {
      console.log('数据库已是最新 · database is up to date');
    } else if (command === 'seed-demo') {
      const services = createServices(config, database);
      if (!(await isDatabaseEmpty(database.db)))
        throw new Error('数据库不是空的，未载入演示数据 · database is not empty');
      await seedDemo(services, (line) => console.log(line));
    } else if (command === 'import') {
      await runImportCommand(createServices(config, database), rest);
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
  const services = createServices(config, database);
  if (config.demo && (await isDatabaseEmpty(database.db))) {
    console.log('首次启动：正在载入演示数据… · first start: loading the demo data…');
    await seedDemo(services, (line) => console.log(line));
  }
  const { app } = await buildApp({ config, database, services, logger: true });
  // Health answers past their purge date are deleted at start and every six hours after.
  const purge = () =>
    services.declarations
      .purgeDue()
      .then((n) => n > 0 && app.log.info({ purged: n }, 'purged health answers past their purge date'))
      .catch((error: unknown) => app.log.error({ err: error }, 'purge failed'));
  // The embedded database has no autovacuum (db/maintenance.ts): vacuumed after each purge, and half a
  // minute after start (a committee's computer is often switched off at night, before six hours pass;
  // the wait keeps it out of the way of the first pages opened).
  const vacuum = () =>
    vacuumIfEmbedded(database)
      .then((ms) => ms !== null && app.log.info({ ms: Math.round(ms) }, 'vacuumed the embedded database'))
      .catch((error: unknown) => app.log.error({ err: error }, 'vacuum failed'));
  await purge();
  setInterval(() => void purge().then(vacuum), 6 * 3_600_000).unref();
  await app.listen({ port: config.port, host: config.host });
  setTimeout(() => void vacuum(), 30_000).unref();
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
