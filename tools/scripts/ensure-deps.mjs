// Installs dependencies when they are missing or older than the lockfile, so `npm start` and
// `npm test` work on a fresh clone. Uses only Node's standard library: it runs before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale =
  !existsSync(installed) ||
  statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs;

if (stale) {
  console.log(
    'Installing dependencies (npm install, following package-lock.json)…',
  );
  // `npm ci` can refuse a lockfile made on another platform; `npm install` still follows the lockfile.
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
