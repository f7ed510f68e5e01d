/**
 * How the e2e tests and the wall benchmark start Debian's Chromium: the binary the machine has
 * (`CHROME_PATH` overrides it), never a downloaded one, and with the background services turned
 * off whose connections this closed network refuses.
 */
export function chromiumLaunchOptions(extraArgs: string[] = []): { executablePath: string; args: string[] } {
  return {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  };
}
