import type { SignatureParam } from '../api/types';
import type { CompletionWords } from './types';

export type CompletionKind = 'keyword' | 'library' | 'member' | 'parameter' | 'module';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
}

/**
 * The words offered at a position: after `name.` (or `->`) the members (a module's own members for `heapq.`);
 * elsewhere keywords, the standard library and the problem's parameters (with their contract types).
 */
export function completionEntries(words: CompletionWords, params: readonly SignatureParam[], textBefore: string): CompletionEntry[] {
  const member = /([A-Za-z_][\w]*)\s*(?:\.|->)\s*\w*$/.exec(textBefore);
  if (member) {
    const own = words.modules?.[member[1]];
    if (own) return own.map((label) => ({ label, kind: 'module' as const, detail: member[1] }));
    return words.members.map((label) => ({ label, kind: 'member' as const }));
  }
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  const add = (label: string, kind: CompletionKind, detail?: string) => {
    if (seen.has(label)) return;
    seen.add(label);
    out.push({ label, kind, detail });
  };
  for (const p of params) add(p.name, 'parameter', p.type);
  for (const k of words.keywords) add(k, 'keyword');
  for (const l of words.library) add(l, 'library');
  return out;
}
