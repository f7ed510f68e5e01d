import type { Logger } from 'pino';
import { ConfigError } from './config-error.ts';
import { createLogger, type LogConfig } from './logger.ts';

/**
 * Starts a process (api, worker, ingest) the same way: loads its configuration, where a ConfigError
 * prints the list of bad keys and exits 2; makes the process's one logger; and, as Node would, stops
 * on a rejection nobody handled, but says so in the log with the stack and causes. `run` failing
 * is logged as fatal and exits 1.
 */
export function startProcess<C extends { log: LogConfig }>(
  name: string,
  loadConfig: () => C,
  run: (config: C, log: Logger) => Promise<void>,
): void {
  const main = async () => {
    let config: C;
    try {
      config = loadConfig();
    } catch (error) {
      if (error instanceof ConfigError) {
        console.error(error.message);
        process.exit(2);
      }
      throw error;
    }
    const log = createLogger(config.log, name);
    process.on('unhandledRejection', (error) => {
      log.fatal({ err: error }, 'unhandled promise rejection');
      process.exit(1);
    });
    await run(config, log).catch((error: unknown) => {
      // The reason in the message itself, so the one line an operator sees says what to do.
      log.fatal({ err: error }, `failed to start: ${(error as Error).message}`);
      process.exit(1);
    });
  };
  main().catch((error: unknown) => {
    // No logger yet: print the whole error, causes included.
    console.error(`[${name}] failed to start:`, error);
    process.exit(1);
  });
}
