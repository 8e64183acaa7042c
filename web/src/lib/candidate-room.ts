'use client';
// The candidate's side of the interview room (issue 16): joins the attempt, streams the editor (at most one update
// per 120 ms, the latest text, so the interviewer sees typing well within 500 ms), and says who is watching.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HubConnection } from '@microsoft/signalr';
import { roomConnection, startRoom } from './room';

export interface EditorState {
  problem: string;
  language: string;
  code: string;
}

const SEND_EVERY_MS = 120;

export function useCandidateRoom(attemptId: string | null, current: () => EditorState | null) {
  const [watchers, setWatchers] = useState<string[]>([]);
  const [roomError, setRoomError] = useState<string | null>(null);
  const connection = useRef<HubConnection | null>(null);
  const joined = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sending = useRef<Promise<void>>(Promise.resolve());
  const lastSent = useRef<string>('');
  const currentRef = useRef(current);
  currentRef.current = current;

  const flush = useCallback(() => {
    timer.current = null;
    const c = connection.current;
    const state = currentRef.current();
    if (!c || !joined.current || !attemptId || !state) return;
    const key = `${state.problem}\u0000${state.language}\u0000${state.code}`;
    if (key === lastSent.current) return;
    lastSent.current = key;
    // In order: one invocation at a time (the service also handles one per connection at a time).
    sending.current = sending.current.then(() =>
      c
        .invoke('Code', { attempt_id: attemptId, problem_id: state.problem, language: state.language, code: state.code })
        .then(() => setRoomError(null))
        .catch((e: unknown) => setRoomError(e instanceof Error ? e.message : String(e))),
    );
  }, [attemptId]);

  const changed = useCallback(() => {
    if (!timer.current) timer.current = setTimeout(flush, SEND_EVERY_MS);
  }, [flush]);

  useEffect(() => {
    if (!attemptId) return;
    const c = roomConnection();
    connection.current = c;
    let live = true;
    c.on('watcher', (w: { watcher_id: string; present: boolean }) =>
      setWatchers((prev) => (w.present ? (prev.includes(w.watcher_id) ? prev : [...prev, w.watcher_id]) : prev.filter((x) => x !== w.watcher_id))),
    );
    const join = async () => {
      await c.invoke('Join', attemptId);
      joined.current = true;
      lastSent.current = '';
      flush();
    };
    c.onreconnected(() => {
      setWatchers([]);
      void join().catch(() => undefined);
    });
    startRoom(c)
      .then(() => (live ? join() : undefined))
      .catch((e: unknown) => live && setRoomError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      joined.current = false;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      connection.current = null;
      void c.stop();
    };
  }, [attemptId, flush]);

  return { watched: watchers.length > 0, watchers: watchers.length, roomError, changed };
}
