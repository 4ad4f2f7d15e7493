/** Base64 of the UTF-8 bytes of `text`, without Node's `Buffer`, so the handler also runs in workers. */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
