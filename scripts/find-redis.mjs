// @ts-check
/**
 * Locate Debian's `redis-server` for the Redis tests (the fleet's shared state): $REDIS_SERVER, else the usual
 * path; installed with apt-get when missing and root on Debian, else one clear line.
 *
 * CLI: `node scripts/find-redis.mjs` prints the path (installing if needed) or exits 1 with the message.
 */
import { fileURLToPath } from 'node:url';
import { findOrInstall } from './debian-program.mjs';

export const NOT_FOUND_MESSAGE =
  'redis-server not found: install it (Debian: apt-get install redis-server) or set REDIS_SERVER';

/** @returns {string} absolute path of redis-server */
export function findRedis() {
  return findOrInstall({
    what: 'redis-server',
    envVar: 'REDIS_SERVER',
    candidates: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'],
    aptPackage: 'redis-server',
    notFound: NOT_FOUND_MESSAGE,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(findRedis());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
