'use client';
import type { Example, Json, Signature } from '../api/types';
import { exampleFor, parseCustomInput, parseType } from '../lib/types-validate';

export interface CustomCase {
  /** Raw text per parameter (JSON), as typed. */
  texts: Record<string, string>;
}

export function caseFromExample(sig: Signature, ex?: Example): CustomCase {
  const texts: Record<string, string> = {};
  for (const p of sig.params) {
    const v = ex?.input?.[p.name];
    const t = parseType(p.type);
    texts[p.name] = v !== undefined ? JSON.stringify(v) : t ? exampleFor(t) : '';
  }
  return { texts };
}

/** Validates every custom case; returns the values to send or the first errors per case. */
export function validateCases(sig: Signature, cases: CustomCase[]) {
  const values: Record<string, Json>[] = [];
  const errors: Record<string, string>[] = [];
  let ok = true;
  for (const c of cases) {
    const r = parseCustomInput(sig, c.texts);
    errors.push(r.errors);
    if (r.ok && r.value) values.push(r.value);
    else ok = false;
  }
  return { ok, values, errors };
}

export function TestCasesTab({
  signature,
  examples,
  cases,
  onChange,
  hasReference,
}: {
  signature: Signature;
  examples: Example[];
  cases: CustomCase[];
  onChange: (cases: CustomCase[]) => void;
  hasReference?: boolean;
}) {
  const { errors } = validateCases(signature, cases);
  const update = (i: number, name: string, text: string) =>
    onChange(cases.map((c, j) => (j === i ? { texts: { ...c.texts, [name]: text } } : c)));
  return (
    <div className="testcases" data-testid="testcases">
      <p className="muted small" data-testid="testcases-help">
        {cases.length === 0
          ? `Run checks the ${examples.length} example test${examples.length === 1 ? '' : 's'}. Add custom inputs to run your own instead.`
          : `Run checks your ${cases.length} custom input${cases.length === 1 ? '' : 's'} (remove them all to run the examples again).`}
        {hasReference === false ? ' Custom inputs show your output only (no reference solution).' : ' Expected values for custom inputs come from the reference solution.'}{' '}
        Values are JSON: lists as [1,2], strings in quotes, trees in level order with null.
      </p>
      {examples.length > 0 && (
        <div className="examples-row">
          {examples.map((ex, i) => (
            <button key={i} type="button" className="ghost small" onClick={() => onChange([...cases, caseFromExample(signature, ex)])} data-testid={`copy-example-${i}`}>
              + Example {i + 1} as custom
            </button>
          ))}
        </div>
      )}
      {cases.map((c, i) => (
        <fieldset key={i} className="case-edit" data-testid={`custom-case-${i}`}>
          <legend>
            Custom {i + 1}{' '}
            <button type="button" className="link" onClick={() => onChange(cases.filter((_, j) => j !== i))} aria-label={`Remove custom case ${i + 1}`}>
              remove
            </button>
          </legend>
          {signature.params.map((p) => (
            <label key={p.name} className="param-edit">
              <span>
                {p.name} <span className="muted">({p.type})</span>
              </span>
              <input
                type="text"
                spellCheck={false}
                value={c.texts[p.name] ?? ''}
                aria-invalid={!!errors[i]?.[p.name]}
                onChange={(e) => update(i, p.name, e.target.value)}
                data-testid={`custom-${i}-${p.name}`}
              />
              {errors[i]?.[p.name] && (
                <span className="field-error" role="alert">
                  {errors[i][p.name]}
                </span>
              )}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...cases, caseFromExample(signature, examples[0])])} data-testid="add-case">
        + Add custom input
      </button>
    </div>
  );
}
