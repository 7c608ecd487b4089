/** Saves text as a file. Blob encodes the string as UTF-8, so a leading BOM (U+FEFF) stays EF BB BF. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; free the URL once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
