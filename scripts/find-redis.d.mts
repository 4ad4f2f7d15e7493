/** Path of redis-server; installs Debian's redis-server when root on Debian; otherwise throws one line. */
export function findRedis(): string;
export const NOT_FOUND_MESSAGE: string;
