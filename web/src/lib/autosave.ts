// Debounced autosave of drafts, one slot per (attempt, problem, language). Pure logic with injected timers and
// save function so the unit tests drive it with fake timers.
import type { Draft, DraftKey } from '../api/types';

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

export interface AutosaveOptions {
  save: (draft: Draft) => Promise<unknown>;
  delayMs?: number;
  /** Retry a failed save after this long (lost connection); 0 disables. */
  retryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onState?: (key: string, state: SaveState, error?: unknown) => void;
}

export function draftKey(k: DraftKey): string {
  return `${k.attempt_id}|${k.problem_id}|${k.language}`;
}

interface Slot {
  key: DraftKey;
  code: string;
  /** Code last confirmed saved by the server. */
  savedCode: string | null;
  timer: unknown;
  inFlight: Promise<void> | null;
  state: SaveState;
}

export class Autosaver {
  private readonly slots = new Map<string, Slot>();
  private readonly delay: number;
  private readonly retry: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (h: unknown) => void;

  constructor(private readonly opts: AutosaveOptions) {
    this.delay = opts.delayMs ?? 800;
    this.retry = opts.retryMs ?? 5000;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Marks code loaded from the server (or a template) as the saved baseline: no save until it changes. */
  baseline(key: DraftKey, code: string, state: SaveState = 'saved'): void {
    const k = draftKey(key);
    const slot = this.slot(key);
    slot.code = code;
    slot.savedCode = code;
    this.setState(k, slot, state);
  }

  /** The editor changed: (re)start this slot's debounce timer. Other slots are untouched. */
  change(key: DraftKey, code: string): void {
    const k = draftKey(key);
    const slot = this.slot(key);
    slot.code = code;
    if (slot.timer !== null) this.clearTimer(slot.timer);
    slot.timer = null;
    if (code === slot.savedCode && !slot.inFlight) {
      this.setState(k, slot, 'saved');
      return;
    }
    this.setState(k, slot, 'dirty');
    slot.timer = this.setTimer(() => {
      slot.timer = null;
      void this.saveNow(k);
    }, this.delay);
  }

  state(key: DraftKey): SaveState {
    return this.slots.get(draftKey(key))?.state ?? 'idle';
  }

  /** Saves every dirty slot now (before Run/Submit, on page hide). */
  async flush(): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const [k, slot] of this.slots) {
      if (slot.timer !== null) {
        this.clearTimer(slot.timer);
        slot.timer = null;
      }
      if (slot.code !== slot.savedCode || slot.inFlight) pending.push(this.saveNow(k));
    }
    await Promise.all(pending);
  }

  hasUnsaved(): boolean {
    for (const slot of this.slots.values()) if (slot.code !== slot.savedCode) return true;
    return false;
  }

  dispose(): void {
    for (const slot of this.slots.values()) if (slot.timer !== null) this.clearTimer(slot.timer);
    this.slots.clear();
  }

  private slot(key: DraftKey): Slot {
    const k = draftKey(key);
    let s = this.slots.get(k);
    if (!s) {
      s = { key: { ...key }, code: '', savedCode: null, timer: null, inFlight: null, state: 'idle' };
      this.slots.set(k, s);
    }
    return s;
  }

  private setState(k: string, slot: Slot, state: SaveState, error?: unknown): void {
    slot.state = state;
    this.opts.onState?.(k, state, error);
  }

  private async saveNow(k: string): Promise<void> {
    const slot = this.slots.get(k);
    if (!slot) return;
    // One save in flight per slot; a change during it is saved right after.
    if (slot.inFlight) {
      await slot.inFlight;
      if (slot.code !== slot.savedCode) return this.saveNow(k);
      return;
    }
    const code = slot.code;
    if (code === slot.savedCode) {
      this.setState(k, slot, 'saved');
      return;
    }
    this.setState(k, slot, 'saving');
    const run = (async () => {
      try {
        await this.opts.save({ ...slot.key, code });
        slot.savedCode = code;
        if (this.slots.get(k) !== slot) return;
        this.setState(k, slot, slot.code === code ? 'saved' : 'dirty');
      } catch (e) {
        this.setState(k, slot, 'error', e);
        if (this.retry > 0 && slot.timer === null) {
          slot.timer = this.setTimer(() => {
            slot.timer = null;
            void this.saveNow(k);
          }, this.retry);
        }
      }
    })();
    slot.inFlight = run;
    try {
      await run;
    } finally {
      slot.inFlight = null;
    }
    if (slot.code !== slot.savedCode && slot.state === 'dirty' && slot.timer === null) {
      await this.saveNow(k);
    }
  }
}
