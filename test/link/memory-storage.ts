/** A Web Storage in memory, for Node; `failing` makes every call throw, as some privacy modes do. */
export function memoryStorage(failing = false): Storage {
  const items = new Map<string, string>();
  const guard = (): void => {
    if (failing) throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return {
    get length() {
      guard();
      return items.size;
    },
    key: (index) => (guard(), [...items.keys()][index] ?? null),
    getItem: (key) => (guard(), items.get(key) ?? null),
    setItem: (key, value) => (guard(), void items.set(key, String(value))),
    removeItem: (key) => (guard(), void items.delete(key)),
    clear: () => (guard(), items.clear()),
  };
}
