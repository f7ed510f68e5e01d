import { pino, type Logger as PinoLogger } from 'pino';
import { z } from 'zod';

/** LOG_LEVEL and LOG_FORMAT, shared by the API and the worker. */
export const logEnvShape = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: readable lines on a terminal, JSON lines (for log collectors) otherwise. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
};

export type LogLevel = z.infer<typeof logEnvShape.LOG_LEVEL>;
export type LogFormat = z.infer<typeof logEnvShape.LOG_FORMAT>;

export interface LogConfig {
  level: LogLevel;
  format: LogFormat;
}

/** Where log lines go: a stream, and whether it is a terminal. */
export interface LogOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** `auto` resolved against the output: a person at a terminal reads lines, anything else parses JSON. */
export function resolveLogFormat(format: LogFormat, output: LogOutput): 'json' | 'pretty' {
  if (format !== 'auto') return format;
  return output.isTTY ? 'pretty' : 'json';
}

/**
 * The process's one logger (pino), made by the entrypoint and passed down. Failures go under
 * `err`, which pino serialises with the stack and every `cause`.
 */
export function createLogger(config: LogConfig, name: string, output: LogOutput = process.stdout): PinoLogger {
  const options = { name, level: config.level, timestamp: pino.stdTimeFunctions.isoTime };
  if (resolveLogFormat(config.format, output) === 'json')
    return pino(options, output === process.stdout ? pino.destination({ dest: 1, sync: true }) : output);
  const colour = Boolean(output.isTTY);
  return pino(options, { write: (line: string) => output.write(formatLogLine(line, colour)) });
}

const LEVELS: Record<number, [label: string, colour: string]> = {
  10: ['TRACE', '90'],
  20: ['DEBUG', '36'],
  30: ['INFO', '32'],
  40: ['WARN', '33'],
  50: ['ERROR', '31'],
  60: ['FATAL', '35'],
};

/**
 * One pino JSON line as a readable line: local time, level, message, the other fields as
 * key=value, then the error's stack (with its causes) indented underneath. Pure.
 */
export function formatLogLine(line: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const { level, time, msg, pid: _pid, hostname: _hostname, name: _name, err, ...fields } = entry;
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const [label, code] = LEVELS[level as number] ?? ['LOG', '0'];
  const at = new Date(time as string | number);
  const clock = Number.isNaN(at.getTime()) ? '' : `${paint('2', at.toTimeString().slice(0, 8))} `;
  const extras = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  let out = `${clock}${paint(code, label.padEnd(5))} ${String(msg ?? '')}${extras ? `  ${paint('2', extras)}` : ''}\n`;
  if (err && typeof err === 'object') {
    const { type, message, stack, ...rest } = err as Record<string, unknown>;
    const details = Object.entries(rest).map(([k, v]) => `${k}: ${typeof v === 'string' ? v.trim() : JSON.stringify(v)}`);
    const text = [typeof stack === 'string' ? stack : `${String(type)}: ${String(message)}`, ...details].join('\n');
    out += `${text
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n')}\n`;
  }
  return out;
}
