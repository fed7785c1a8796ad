import { href } from '../../app/router';
import { openedSnapshot } from './opened';
import SnapshotView from './SnapshotView';

/** `#/snapshot`: the snapshot opened from the import page (memory only: gone on reload). */
export default function SnapshotPage() {
  const s = openedSnapshot();
  if (!s)
    return (
      <div className="page">
        <h1>No snapshot open</h1>
        <p>
          Snapshots are kept only while they are shown.{' '}
          <a href={href('/import')}>Import the snapshot .json</a> again to view it.
        </p>
      </div>
    );
  return <SnapshotView key={s.takenAtMs + s.dashboard.uid} snapshot={s} />;
}
