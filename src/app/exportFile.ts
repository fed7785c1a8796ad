import type { Dashboard } from '../model/dashboard';

/** Pretty JSON of a dashboard, as exported and copied. */
export function dashboardJson(d: Dashboard): string {
  return JSON.stringify(d, null, 2) + '\n';
}

/** A file name from the title: "My board" → my-board.json */
export function fileNameFor(d: Dashboard): string {
  const slug = d.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || d.uid}.json`;
}

export function downloadDashboard(d: Dashboard) {
  downloadText(fileNameFor(d), dashboardJson(d));
}

/** Saves `text` as a file (JSON unless `type` says otherwise) through the browser's download. */
export function downloadText(fileName: string, text: string, type = 'application/json') {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function copyDashboard(d: Dashboard): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(dashboardJson(d));
    return true;
  } catch {
    return false;
  }
}
