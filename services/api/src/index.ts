import { pino } from 'pino';
import { loadConfig } from './config.js';
import { startServer } from './server.js';

const config = loadConfig();
const logger = pino({ level: config.logLevel });
const running = await startServer(config, { logger });
logger.info({ url: running.url, database: config.database.url ? 'postgresql' : `pglite (${config.database.pgliteDataDir})` }, 'Samverka is running');
console.log(`\nSamverka körs på ${running.url}  (GraphQL: ${running.url}/graphql)\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    logger.info({ signal }, 'shutting down');
    await running.close();
    logger.info('stopped');
    process.exit(0);
  });
}
