// @ts-check
/**
 * Finds a program the tests need, installing its Debian package when missing and we run as root on Debian
 * (one line is printed); otherwise throws one clear line saying what to install. Used for Chromium and
 * redis-server.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/**
 * @typedef {{
 *   what: string,
 *   envVar: string,
 *   candidates: readonly string[],
 *   aptPackage: string,
 *   notFound: string,
 * }} Program
 */

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const canAptInstall = () =>
  typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');

/**
 * @param {Program} program
 * @returns {string} the program's absolute path
 */
export function findOrInstall(program) {
  const fromEnv = process.env[program.envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`${program.envVar} is set to ${fromEnv}, which is not an executable file`);
  }
  const found = program.candidates.find(isExecutable);
  if (found) return found;
  if (!canAptInstall()) throw new Error(program.notFound);
  console.error(`${program.what} not found; installing Debian package "${program.aptPackage}" with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  /** @type {import('node:child_process').SpawnSyncOptions} */
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env };
  const update = spawnSync('apt-get', ['update', '-qq'], quiet);
  if (update.status !== 0)
    throw new Error(`apt-get update failed (exit ${update.status}). ${program.notFound}`);
  const install = spawnSync('apt-get', ['install', '-y', '-qq', program.aptPackage], quiet);
  if (install.status !== 0) {
    throw new Error(
      `apt-get install ${program.aptPackage} failed (exit ${install.status}). ${program.notFound}`,
    );
  }
  const installed = program.candidates.find(isExecutable);
  if (!installed)
    throw new Error(`apt-get reported success but ${program.what} did not appear. ${program.notFound}`);
  return installed;
}
