/**
 * Shown while a part of the app that loads on demand (panel editor, query inspector, dashboard
 * settings) is downloading: a dashboard view does not carry their code.
 */
export default function ChunkLoading({ what }: { what: string }) {
  return (
    <div className="chunk-loading" role="status" data-testid="chunk-loading">
      Loading the {what}…
    </div>
  );
}
