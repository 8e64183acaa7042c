'use client';
// /embed/?problem=SLUG&attempt=ID&language=python (issue 16): the IDE for the host app's iframe, without our header or
// sign-in. The token arrives by postMessage from the host, never in the URL. Only the origins the service lists in
// EMBED_ORIGINS (GET /api/embed/config; the same list is the page's CSP frame-ancestors) are heard or posted to: a
// message from any other origin, or from any window but our parent, is ignored.
import { useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LANGUAGES, type Language, type Outcome } from '../api/types';
import { setToken } from '../lib/auth';
import { ProblemView, type EmbedBridge } from './ProblemView';

const CODE_DEBOUNCE_MS = 500;

/** The candidate-visible part of an outcome: a Submit's is its summary only. */
function visible(o: Outcome) {
  return {
    mode: o.mode,
    id: o.id,
    status: o.status,
    summary: o.summary,
    ...(o.mode === 'run' ? { results: o.results } : {}),
    ...(o.compile && o.compile.ok === false ? { compile_output: o.compile.output } : {}),
    ...(o.error ? { error: o.error } : {}),
  };
}

export function EmbedView() {
  const params = useSearchParams();
  const problem = params.get('problem') ?? '';
  const attempt = params.get('attempt') ?? '';
  const langParam = params.get('language');
  const language = langParam && (LANGUAGES as readonly string[]).includes(langParam) ? (langParam as Language) : undefined;
  const [host, setHost] = useState<string | null>(null);
  const [hasToken, setHasToken] = useState(false);
  const [configError, setConfigError] = useState<string | null>(null);
  const hostRef = useRef<string | null>(null);
  const codeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (window.parent === window) {
      setConfigError('This page is meant to be embedded by the interview app (see docs/embedding.md).');
      return;
    }
    let origins: string[] = [];
    const onMessage = (ev: MessageEvent) => {
      if (ev.source !== window.parent || !origins.includes(ev.origin)) return;
      const data = ev.data as { type?: string; token?: string } | null;
      if (!data || (data.type !== 'coderoom:init' && data.type !== 'coderoom:token') || typeof data.token !== 'string' || !data.token) return;
      hostRef.current = ev.origin;
      setHost(ev.origin);
      setToken(data.token);
      setHasToken(true);
    };
    window.addEventListener('message', onMessage);
    fetch('/api/embed/config')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((c: { origins?: string[] }) => {
        origins = c.origins ?? [];
        if (!origins.length) {
          setConfigError('No host origin is allowed to embed CodeRoom (EMBED_ORIGINS is empty).');
          return;
        }
        // The browser delivers a message only when targetOrigin is the parent's origin: announcing to each allowed
        // origin reaches the parent if, and only if, it is one of them.
        const ancestor = window.location.ancestorOrigins?.[0];
        const targets = ancestor && origins.includes(ancestor) ? [ancestor] : origins;
        for (const o of targets) window.parent.postMessage({ type: 'coderoom:ready', problem, attempt }, o);
      })
      .catch((e: unknown) => setConfigError(`Could not read the embedding configuration: ${e instanceof Error ? e.message : String(e)}`));
    return () => window.removeEventListener('message', onMessage);
  }, [problem, attempt]);

  const bridge = useMemo<EmbedBridge>(() => {
    const post = (message: Record<string, unknown>) => {
      if (hostRef.current) window.parent.postMessage(message, hostRef.current);
    };
    return {
      problem,
      attempt,
      language,
      codeChanged(lang, code) {
        if (codeTimer.current) clearTimeout(codeTimer.current);
        codeTimer.current = setTimeout(() => post({ type: 'coderoom:code-changed', language: lang, code }), CODE_DEBOUNCE_MS);
      },
      finished(o) {
        post({ type: o.mode === 'run' ? 'coderoom:run-finished' : 'coderoom:submitted', result: visible(o) });
      },
      error(message) {
        post({ type: 'coderoom:error', message });
      },
    };
  }, [problem, attempt, language]);

  if (configError) {
    return (
      <div className="pad">
        <div className="banner error" role="alert" data-testid="embed-error">
          {configError}
        </div>
      </div>
    );
  }
  if (!problem || !attempt) {
    return (
      <div className="pad">
        <div className="banner error" role="alert" data-testid="embed-error">
          The embed URL needs ?problem=SLUG&amp;attempt=ID.
        </div>
      </div>
    );
  }
  if (!hasToken || !host) {
    return (
      <div className="pad muted" data-testid="embed-waiting">
        Waiting for the interview app…
      </div>
    );
  }
  return (
    <div data-testid="embed" data-host={host}>
      <ProblemView embed={bridge} />
    </div>
  );
}
