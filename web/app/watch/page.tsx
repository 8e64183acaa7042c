import { Suspense } from 'react';
import { AuthGate } from '../../src/components/AuthGate';
import { WatchView } from '../../src/components/WatchView';

// /watch/?attempt=ID: an interviewer's live view of one attempt (issue 16).
export default function WatchPage() {
  return (
    <Suspense fallback={<div className="pad muted">Loading…</div>}>
      <AuthGate>
        <WatchView />
      </AuthGate>
    </Suspense>
  );
}
