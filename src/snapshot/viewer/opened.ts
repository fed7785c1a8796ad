import type { Snapshot } from '../format';

// The snapshot the `#/snapshot` page shows: opened from the import page, kept in memory only
// (viewing a snapshot stores nothing).
let opened: Snapshot | null = null;

export function openSnapshot(s: Snapshot): void {
  opened = s;
}

export function openedSnapshot(): Snapshot | null {
  return opened;
}
