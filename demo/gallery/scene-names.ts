/** The gallery's scenes by name, in order: what the screenshot script and the README know without a browser. */
export const SCENE_NAMES = [
  'idle',
  'name-refused',
  'creating',
  'create-failed',
  'ready',
  'linking',
  'confirming',
  'syncing',
  'complete',
  'sync-failed',
  'loading',
  'reconnect',
  'dashboard',
  'deleted',
] as const;

export type SceneName = (typeof SCENE_NAMES)[number];
