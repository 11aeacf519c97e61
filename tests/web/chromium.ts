import { existsSync } from 'node:fs';

/**
 * The system Chromium for playwright-core (it downloads no browser of its own here):
 * CHROMIUM_PATH if set, else Debian's `chromium` (`.ci/run` installs it when missing).
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}
