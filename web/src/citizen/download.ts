/**
 * Hands a file to the browser's download manager under `name`. The Blob URL is dropped after a
 * minute: long enough for a slow phone to start saving, and the data does not linger in memory.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
