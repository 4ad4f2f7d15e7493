/** Path of a Chromium/Chrome binary; installs Debian's chromium when root on Debian; otherwise throws one line. */
export function findChromium(): string;
export const NOT_FOUND_MESSAGE: string;
/** Flags for headless Chromium on these machines (no sandbox as root, no background networking). */
export const CHROMIUM_ARGS: readonly string[];
