// `npm run test:fast`: the local loop between edits. Formatting of the files you changed, then lint,
// type checks and unit tests of every project with the Nx cache on, so only what your change can affect
// runs again. `-- --int` adds the integration suite (minutes, never cached); other arguments go to
// `nx run-many` (`-- -p api contracts` for some projects only). Browser tests and the closing count stay
// with `npm test`, the full run.
import { execFileSync, execSync } from 'node:child_process';

const args = process.argv.slice(2);
const withIntegration = args.includes('--int');
const nxArgs = args.filter((arg) => arg !== '--int');
/** @type {NodeJS.ProcessEnv} */
const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
};

/**
 * Runs a step and says which one failed, without a stack trace of this script.
 * @param {string} name
 * @param {() => void} step
 */
function run(name, step) {
  try {
    step();
  } catch {
    console.error(`\ntest:fast failed: ${name} (see above).`);
    process.exit(1);
  }
}

/** Files changed against HEAD, staged or not, and new files git does not ignore. */
function changedFiles() {
  const git = (/** @type {string[]} */ args) =>
    execFileSync('git', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
  const files = [
    ...git(['diff', '--name-only', '--diff-filter=d', 'HEAD']),
    ...git(['ls-files', '--others', '--exclude-standard']),
  ];
  return [...new Set(files)];
}

const changed = changedFiles();
if (changed.length > 0)
  run('formatting', () =>
    execFileSync(
      'npx',
      ['prettier', '--check', '--ignore-unknown', '--', ...changed],
      { stdio: 'inherit', env },
    ),
  );

run('lint, type checks or unit tests', () =>
  execFileSync(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'lint',
      'typecheck',
      'test',
      '--parallel=2',
      '--output-style=static',
      ...nxArgs,
    ],
    { stdio: 'inherit', env },
  ),
);

if (withIntegration)
  // PGlite always, PostgreSQL too when DATABASE_URL is set (as in `npm test`); never cached.
  run('integration tests', () =>
    execSync('npx nx run api-int:int-test --output-style=stream', {
      stdio: 'inherit',
      env,
    }),
  );
console.log('\ntest:fast passed (npm test is the full run).');
