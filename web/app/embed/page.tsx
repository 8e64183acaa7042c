import { Suspense } from 'react';
import { EmbedView } from '../../src/components/EmbedView';

// /embed/?problem=SLUG&attempt=ID&language=python: the IDE inside the host app's iframe (issue 16, docs/embedding.md).
export default function EmbedPage() {
  return (
    <Suspense fallback={<div className="pad muted">Loading…</div>}>
      <EmbedView />
    </Suspense>
  );
}
