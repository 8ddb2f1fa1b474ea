function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The only URLs we hand to the operating system: http(s), no embedded
 * credentials, no control characters. Returns the normalised URL or null.
 */
export function externalHttpUrl(raw: string): URL | null {
  if (raw.length > 4096 || hasControlCharacters(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  return url;
}
