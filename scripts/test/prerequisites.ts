// `npm test`'s first step: finds the system programs the tests need (Chromium, CJK and Arabic fonts, a Java) and installs what is missing.
// Installs with Debian's apt when it runs as root (as CI does); otherwise it names the exact command and stops.
// It looks where the tests look: CHROMIUM_PATH and JAVA point them (and this check) at another Chromium or Java.
import { spawnSync } from 'node:child_process';

interface Prerequisite {
  /** What the tests use it for, said when it is missing. */
  purpose: string;
  /** Debian packages that provide it. */
  packages: string[];
  present: () => boolean;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const JAVA = process.env.JAVA ?? 'java';

const succeeds = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const output = (command: string, args: string[]): string => spawnSync(command, args, { encoding: 'utf8' }).stdout ?? '';

/** Java 11 or newer: `java -version` prints e.g. `openjdk version "17.0.13"` (or `"1.8.0_402"` for Java 8) on stderr. */
function javaMajor(): number {
  const result = spawnSync(JAVA, ['-version'], { encoding: 'utf8' });
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr ?? ''}${result.stdout ?? ''}`);
  if (!version) return 0;
  const major = Number(version[1]);
  return major === 1 ? Number(version[2] ?? 0) : major;
}

function fontsPresent(): boolean {
  const fonts = output('fc-list', []);
  return /Noto Sans CJK/i.test(fonts) && /Noto (Naskh|Sans) Arabic/i.test(fonts);
}

const PREREQUISITES: Prerequisite[] = [
  { purpose: `Chromium (${CHROMIUM}) runs the browser tests`, packages: ['chromium'], present: () => succeeds(CHROMIUM, ['--version']) },
  {
    purpose: 'CJK and Arabic fonts let the browser draw Chinese, Japanese, Korean and Arabic pages (fc-list finds them)',
    packages: ['fontconfig', 'fonts-noto-cjk', 'fonts-noto-core'],
    present: fontsPresent,
  },
  { purpose: `Java 11 or newer (${JAVA}) runs the Nu HTML checker`, packages: ['default-jre-headless'], present: () => javaMajor() >= 11 },
];

const missing = PREREQUISITES.filter((prerequisite) => !prerequisite.present());
if (missing.length > 0) {
  const packages = missing.flatMap((prerequisite) => prerequisite.packages);
  const command = (sudo: string) => `${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`;
  for (const prerequisite of missing) console.log(`missing: ${prerequisite.packages.join(', ')} (${prerequisite.purpose})`);
  const canInstall = process.getuid?.() === 0 && succeeds('apt-get', ['--version']);
  if (!canInstall) {
    console.error(`The tests need these Debian packages. Install them, then run npm test again:\n  ${command('sudo ')}`);
    process.exit(1);
  }
  console.log(`installing: ${packages.join(' ')}`);
  const apt = (args: string[]) =>
    spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (apt(['update', '-qq']).status !== 0 || apt(['install', '-y', '-qq', ...packages]).status !== 0) {
    console.error(`Installing failed (apt-get's message is above). Try it by hand:\n  ${command('')}`);
    process.exit(1);
  }
  const stillMissing = missing.filter((prerequisite) => !prerequisite.present());
  if (stillMissing.length > 0) {
    console.error(`Still missing after installing: ${stillMissing.flatMap((prerequisite) => prerequisite.packages).join(', ')}`);
    process.exit(1);
  }
}
