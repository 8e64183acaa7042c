// The interview room's live channel (issue 16): the SignalR hub at /hubs/room on the service's origin. The token goes
// in the access_token query of the WebSocket (SignalR's documented way; the service accepts it on this path only).
import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { getToken } from './auth';

export const ROOM_HUB = '/hubs/room';

export function roomConnection(token: () => string | null = getToken): HubConnection {
  return new HubConnectionBuilder()
    // WebSockets without the negotiate round trip: behind a load balancer the connection then needs no sticky
    // sessions (negotiate and connect could otherwise land on different instances); REDIS_URL joins the instances.
    .withUrl(ROOM_HUB, { accessTokenFactory: () => token() ?? '', transport: HttpTransportType.WebSockets, skipNegotiation: true })
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
}

export async function startRoom(connection: HubConnection): Promise<void> {
  if (connection.state === HubConnectionState.Disconnected) await connection.start();
}

/** What the candidate sees and what a watch shows: a Run (per-test results of the public tests) or a Submit (summary only). */
export interface LiveResult {
  attempt_id: string;
  kind: 'run' | 'submit';
  problem_id: string;
  language: string;
  code: string;
  result?: {
    status?: string;
    summary?: { status?: string; passed?: number; total?: number; runtime_ms?: number; memory_kb?: number; first_failure?: unknown };
    results?: { test_id?: string; pass?: boolean | null; verdict?: string; actual?: unknown; expected?: unknown; stdout?: string }[];
    compile_output?: string;
    error?: string;
  };
  at: string;
}

export interface LiveCode {
  attempt_id: string;
  problem_id: string;
  language: string;
  code: string;
  at: string;
}

export interface WatchState {
  attempt_id: string;
  candidate_id: string;
  interview_id?: string;
  problem_id?: string;
  language?: string;
  code?: string;
  results: LiveResult[];
}

export interface HistoryEvent {
  id: number;
  at: string;
  kind: 'snapshot' | 'edit' | 'language' | 'run' | 'submit' | 'truncated';
  problem_id: string;
  language: string;
  offset?: number;
  delete_count?: number;
  text?: string;
  result?: LiveResult['result'];
}

export interface History {
  attempt_id: string;
  candidate_id: string;
  interview_id?: string;
  truncated: boolean;
  history_bytes: number;
  events: HistoryEvent[];
}

export interface Frame {
  /** Milliseconds since the first event. */
  t: number;
  code: string;
  language: string;
  problem: string;
  event: HistoryEvent;
  /** The code of the latest run or submit before this frame, for the diff. */
  previousRun: string | null;
}

/** The editor after each event, in order: snapshots replace, edits splice (offsets in UTF-16 units, as the service's
 * AttemptHistory.Apply), runs and submits leave the code as the candidate had it. */
export function framesOf(history: History): Frame[] {
  const frames: Frame[] = [];
  if (!history.events.length) return frames;
  const t0 = Date.parse(history.events[0].at);
  let code = '';
  let language = history.events[0].language || 'python';
  let problem = history.events[0].problem_id;
  let previousRun: string | null = null;
  for (const e of history.events) {
    if (e.kind === 'snapshot') {
      code = e.text ?? '';
      language = e.language;
      problem = e.problem_id;
    } else if (e.kind === 'edit') {
      const start = Math.min(Math.max(e.offset ?? 0, 0), code.length);
      const end = Math.min(Math.max(start + (e.delete_count ?? 0), start), code.length);
      code = code.slice(0, start) + (e.text ?? '') + code.slice(end);
    } else if (e.kind === 'language') {
      language = e.language;
    }
    frames.push({ t: Date.parse(e.at) - t0, code, language, problem, event: e, previousRun });
    if (e.kind === 'run' || e.kind === 'submit') previousRun = e.text ?? '';
  }
  return frames;
}

/** The last frame at or before t (the first one before anything happened). */
export function frameAt(frames: Frame[], t: number): Frame | null {
  let lo = 0;
  let hi = frames.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid].t <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? frames[found] : (frames[0] ?? null);
}
