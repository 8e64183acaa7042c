import { Suspense } from 'react';
import { AuthGate } from '../../src/components/AuthGate';
import { ProblemView } from '../../src/components/ProblemView';

// Query-parameter route (/problem/?slug=two-sum): one static page serves every problem from a plain static host.
export default function ProblemPage() {
  return (
    <Suspense fallback={<div className="pad muted">Loading…</div>}>
      <AuthGate>
        <ProblemView />
      </AuthGate>
    </Suspense>
  );
}
