// `npm test` on a fresh clone installs first, so the README's test command works on its own.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync(new URL('../node_modules/.package-lock.json', import.meta.url))) {
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
