/** The last `maxBytes` of `text` in UTF-8, never starting inside a multi-byte character. */
export function utf8Tail(text: string, maxBytes: number): { content: string; truncated: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { content: text, truncated: false };
  let start = bytes.length - Math.max(0, maxBytes);
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start += 1; // skip continuation bytes
  return { content: bytes.subarray(start).toString('utf8'), truncated: true };
}
