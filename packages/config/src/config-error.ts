/** Thrown at boot when the environment is invalid; the message lists every bad key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
