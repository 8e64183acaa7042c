/** One big number with its label (live panel and range summary). */
export function StatCard({ value, label, testId, tone }: { value: string; label: string; testId: string; tone?: 'ok' | 'warn' | 'bad' }) {
  return (
    <div className="stat-card">
      <div className={tone ? `stat-value ${tone}` : 'stat-value'} data-testid={testId}>
        {value}
      </div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

/** An error line (text only), or nothing. */
export function ErrorBanner({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <div className="banner error" role="alert">
      {error}
    </div>
  );
}
