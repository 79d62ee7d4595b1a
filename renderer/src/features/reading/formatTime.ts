/** A stored ISO time in the UI's language (zh-CN: 2026/12/7 15:41:47). */
export function formatTime(iso: string, language: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
