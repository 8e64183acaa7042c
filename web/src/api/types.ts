// The HTTP API of issue 4, as the web page uses it. Hand-written (one file) until the service publishes its
// OpenAPI document; the field names are the wire names (snake_case). Optional fields are ones the service may
// leave out; the client tolerates their absence.

export type Language = 'python' | 'java' | 'cpp' | 'javascript' | 'typescript' | 'go' | 'rust' | 'csharp';
export const LANGUAGES: readonly Language[] = ['python', 'java', 'cpp', 'javascript', 'typescript', 'go', 'rust', 'csharp'] as const;
export const LANGUAGE_LABELS: Record<Language, string> = {
  python: 'Python',
  java: 'Java',
  cpp: 'C++',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  go: 'Go',
  rust: 'Rust',
  csharp: 'C#',
};

/** JSON value as it crosses the wire (test inputs, expected and actual outputs). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Verdict wire names (CodeRoom.Judge.Verdict, snake_case). */
export type Verdict =
  | 'accepted'
  | 'wrong_answer'
  | 'time_limit_exceeded'
  | 'memory_limit_exceeded'
  | 'runtime_error'
  | 'compilation_error'
  | 'output_limit_exceeded'
  | 'internal_error';

/** Status of a run or submission: pending states for polling, otherwise the verdict. */
export type RunStatus = 'queued' | 'running' | 'finished' | 'failed' | Verdict | (string & {});

export interface ProblemSummary {
  slug: string;
  title: string;
  difficulty?: string;
  topics?: string[];
}

export interface SignatureParam {
  name: string;
  /** Contract type name: integer, long, double, boolean, string, character, T[], T[][], list<T>, ListNode, TreeNode. */
  type: string;
}

export interface Signature {
  function_name: string;
  function_names?: Partial<Record<Language, string>> | null;
  params: SignatureParam[];
  return_type: string;
  output_param?: string | null;
}

export interface Example {
  input: Record<string, Json>;
  expected?: Json;
  category?: string | null;
}

export interface ProblemDetail extends ProblemSummary {
  statement_md: string;
  constraints_md?: string;
  signature: Signature;
  /** Public tests only (never hidden ones). */
  examples?: Example[];
  /** Starter code per language. */
  starters?: Partial<Record<Language, string>>;
  /** The signature rendered in each language (e.g. "def two_sum(self, nums: List[int], target: int) -> List[int]"). */
  signatures?: Partial<Record<Language, string>>;
  limits?: { time_limit_ms?: number; memory_limit_mb?: number };
  has_reference?: boolean;
}

export interface TestRunResult {
  test_id: number | string;
  /** null when there was nothing to compare with (custom input on a problem without a reference solution). */
  pass: boolean | null;
  verdict?: Verdict | string;
  input?: Record<string, Json> | null;
  actual?: Json;
  expected?: Json;
  runtime_ms?: number | null;
  memory_kb?: number | null;
  stdout?: string | null;
  stderr?: string | null;
  error?: string | null;
  /** 1-based line in the candidate's code. */
  error_line?: number | null;
  category?: string | null;
  custom?: boolean;
  /** Custom inputs: why there is no expected value (no reference solution, or it failed on the input). */
  expected_note?: string | null;
}

export interface CompileInfo {
  ok: boolean;
  output?: string;
  error_line?: number | null;
}

export interface RunSummary {
  passed: number;
  total: number;
  status: RunStatus;
  first_failing_test?: number | null;
  first_failing_category?: string | null;
  /** Submit: the error message when the first failing test is public. */
  first_failing_error?: string | null;
  runtime_ms?: number | null;
  memory_kb?: number | null;
}

export interface RunRequest {
  attempt_id: string;
  problem_id: string;
  language: Language;
  code: string;
  custom_inputs?: Record<string, Json>[];
}

export type SubmitRequest = Omit<RunRequest, 'custom_inputs'>;

export interface RunResponse {
  id?: string;
  mode?: 'run' | 'submit';
  compile_output?: string | null;
  run_id: string;
  status: RunStatus;
  results?: TestRunResult[];
  summary?: RunSummary;
  compile?: CompileInfo | null;
  error?: string | null;
  error_line?: number | null;
}

export interface SubmitResponse {
  id?: string;
  mode?: 'run' | 'submit';
  compile_output?: string | null;
  results?: TestRunResult[];
  submission_id: string;
  status?: RunStatus;
  summary?: RunSummary;
  compile?: CompileInfo | null;
  error?: string | null;
  error_line?: number | null;
}

/** Answer of run, submit and GET /api/coding/status?id= (status queued | running | finished | failed; the verdict
 * is summary.status). */
export interface StatusResponse {
  id?: string;
  problem_id?: string;
  language?: string;
  /** Compiler output when compilation failed. */
  compile_output?: string | null;
  run_id?: string;
  submission_id?: string;
  mode?: 'run' | 'submit';
  status: RunStatus;
  summary?: RunSummary;
  results?: TestRunResult[];
  compile?: CompileInfo | null;
  error?: string | null;
  error_line?: number | null;
}

export interface AttemptRequest {
  interview_id: string;
}
export interface AttemptResponse {
  attempt_id: string;
}

export interface DraftKey {
  attempt_id: string;
  problem_id: string;
  language: Language;
}
export interface Draft extends DraftKey {
  code: string;
  updated_at?: string;
}

export interface DevTokenRequest {
  user_id: string;
  role: 'candidate' | 'admin';
}
export interface DevTokenResponse {
  /** The service's name for it; `token` is accepted too. */
  access_token?: string;
  token?: string;
  token_type?: string;
  expires_in?: number;
}

/** RFC 7807 problem details, with ASP.NET's validation `errors` map. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  traceId?: string;
}

/** The unified outcome the output panel shows, from a run, a submission or a status poll. */
export interface Outcome {
  mode: 'run' | 'submit';
  id: string;
  status: RunStatus;
  summary?: RunSummary;
  results: TestRunResult[];
  compile?: CompileInfo | null;
  error?: string | null;
  error_line?: number | null;
}

export const PENDING_STATUSES: readonly string[] = ['queued', 'running', 'pending'];

/** POST /api/coding/format (issue 15): languages with no formatter in the browser (Rust). problem_id is optional. */
export interface FormatRequest {
  attempt_id: string;
  problem_id?: string;
  language: Language;
  code: string;
}

/** formatted: the whole formatted code, or null when the code was left as it is (message says why). */
export interface FormatResponse {
  formatted: string | null;
  message?: string | null;
}

/** POST /api/coding/check (issue 15). */
export interface CheckRequest {
  attempt_id: string;
  problem_id: string;
  language: Language;
  code: string;
}

/** Lines and columns 1-based in the candidate's file; the end is exclusive. */
export interface CheckDiagnostic {
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface CheckResponse {
  diagnostics: CheckDiagnostic[];
  /** False when the compiler was stopped by the check's budget; message says so. */
  complete: boolean;
  message?: string | null;
}
