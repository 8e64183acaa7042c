import type { CheckDiagnostic } from './types';

export interface LiveCheckOptions {
  /** Quiet time after the last keystroke before checking. */
  delayMs: number;
  run: (code: string, signal: AbortSignal) => Promise<CheckDiagnostic[]>;
  apply: (diagnostics: CheckDiagnostic[], code: string) => void;
  /** A failed check (network, rate limit): the markers stay as they were. */
  onError?: (error: unknown) => void;
}

/**
 * Debounces checks while the candidate types and cancels (AbortController) a check they typed past: only the newest
 * code's answer is ever applied, whatever order the answers come back in.
 */
export class LiveChecker {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: AbortController | null = null;
  private generation = 0;

  constructor(private readonly opts: LiveCheckOptions) {}

  schedule(code: string, delayMs = this.opts.delayMs): void {
    this.cancel();
    const generation = ++this.generation;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check(code, generation);
    }, delayMs);
  }

  private async check(code: string, generation: number): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const diagnostics = await this.opts.run(code, controller.signal);
      if (generation === this.generation && !controller.signal.aborted) this.opts.apply(diagnostics, code);
    } catch (e) {
      if (!controller.signal.aborted && (e as Error)?.name !== 'AbortError') this.opts.onError?.(e);
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  }

  /** Stops the pending timer and aborts the check in flight. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.inFlight?.abort();
    this.inFlight = null;
  }

  dispose(): void {
    this.cancel();
    this.generation++;
  }
}
