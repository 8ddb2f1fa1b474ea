/** Hands bytes or text to the browser as a download (served mode and exports); nothing is rendered. */
export function downloadFile(fileName: string, mime: string, content: string, encoding: 'utf8' | 'base64' = 'utf8'): void {
  const body = encoding === 'base64' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : content;
  const url = URL.createObjectURL(new Blob([body], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
