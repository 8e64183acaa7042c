import { Suspense } from 'react';
import { AuthGate } from '../../src/components/AuthGate';
import { ReplayView } from '../../src/components/ReplayView';

// /replay/?attempt=ID: the replay of an attempt, for its candidate and its interview's interviewers (issue 16).
export default function ReplayPage() {
  return (
    <Suspense fallback={<div className="pad muted">Loading…</div>}>
      <AuthGate>
        <ReplayView />
      </AuthGate>
    </Suspense>
  );
}
