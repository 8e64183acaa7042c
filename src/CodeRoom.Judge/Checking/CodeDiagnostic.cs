using CodeRoom.Judge.Languages;

namespace CodeRoom.Judge.Checking;

/// <summary>One compiler message in the candidate's own file: 1-based lines and columns, the end exclusive, as Monaco
/// markers take them. Severity is error, warning or info.</summary>
public sealed record CodeDiagnostic(int Line, int Column, int EndLine, int EndColumn, string Severity, string Message);

/// <summary>
/// A language's syntax-and-type pass for live diagnostics (issue 15): the build (files, mounts, the prebuilt harness,
/// with <see cref="BuildPlan.CompileCommand"/> the checking command, and <see cref="BuildPlan.CompileServerCommand"/>
/// when its warm compiler can do the check), and how the cleaned compiler output becomes diagnostics. The harness and
/// flags are the judge's own, so the check reports what Run would.
/// </summary>
public sealed record CheckPlan(BuildPlan Build, Func<string, string, IReadOnlyList<CodeDiagnostic>> Diagnostics);

/// <summary>The answer of a check. Complete is false when the compiler was stopped (a limit) before it finished: the
/// diagnostics are then only what it said until then, and Message says why.</summary>
public sealed record CheckResult(IReadOnlyList<CodeDiagnostic> Diagnostics, bool Complete, string? Message, double WallMs);
