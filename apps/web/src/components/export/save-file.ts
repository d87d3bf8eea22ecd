import type { FetchedFile } from '../../api/download.js';

/**
 * Hands a fetched file to the browser's downloads: a blob: URL clicked through an `<a download>`. The
 * URL is returned so the page can offer "download again"; the caller revokes it when done.
 */
export function saveFile(file: FetchedFile): string {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  return url;
}

/** "2.4 MB", "830 KB", "12 bytes". */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
