// Saves generated files through a temporary object URL.
export function download(name: string, content: Blob | string, type = 'text/plain') {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function safeFileName(text: string): string {
  return text.replace(/[^A-Za-z0-9._=-]+/g, '_').replace(/^_+|_+$/g, '') || 'shoal';
}
