using System.Globalization;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Checking;

namespace CodeRoom.Judge.Languages.Python;

/// <summary>
/// Python's live type check (issue 15): Debian's mypy (mypyc-compiled, python3-mypy) over the candidate's file behind a
/// prelude that declares what the harness gives a solution (LeetCode's implicit imports, ListNode, TreeNode), in the
/// sandbox, against a cache of the standard library's stubs built once (PrebuiltArtifact) and mounted read-only, mypy
/// imported ahead in a waiting sandbox (see Driver). The browser's ruff lint stays the source of syntax errors, undefined names and
/// unused variables; this adds what ruff cannot infer. Lenient as LeetCode code needs (no strict Optional, implicit
/// Optional, redefinitions allowed), and type errors are warnings: Python runs the code anyway.
/// </summary>
public static partial class PythonTypeCheck
{
    public const string MountPoint = "/opt/coderoom/mypy";
    public const string MypyVersionFile = "/usr/lib/python3/dist-packages/mypy/version.py";

    /// <summary>The harness's implicit namespace for mypy. The harness's star imports never shadow a builtin, and math.pow
    /// is the only one they would (three-argument pow must stay the builtin): math's names are listed without it.</summary>
    internal const string Prelude = """
        from typing import *
        from collections import *
        from heapq import *
        from bisect import *
        from math import (acos, acosh, asin, asinh, atan, atan2, atanh, cbrt, ceil, comb, copysign, cos, cosh, degrees, dist, e,
            erf, erfc, exp, exp2, expm1, fabs, factorial, floor, fmod, frexp, fsum, gamma, gcd, hypot, inf, isclose, isfinite, isinf,
            isnan, isqrt, lcm, ldexp, lgamma, log, log10, log1p, log2, modf, nan, nextafter, perm, pi, prod, radians, remainder, sin,
            sinh, sqrt, tan, tanh, tau, trunc, ulp)
        from itertools import *
        from functools import *
        import bisect, collections, functools, heapq, itertools, math, operator, random, re, string, sys, typing
        class ListNode:
            def __init__(self, val: int = 0, next: Optional["ListNode"] = None) -> None:
                self.val = val
                self.next = next
        class TreeNode:
            def __init__(self, val: int = 0, left: Optional["TreeNode"] = None, right: Optional["TreeNode"] = None) -> None:
                self.val = val
                self.left = left
                self.right = right

        """;

    private static readonly int PreludeLines = Prelude.Count(c => c == '\n');

    private static readonly string[] Flags =
    [
        "--no-error-summary", "--show-column-numbers", "--show-error-end", "--no-color-output", "--hide-error-context",
        "--no-strict-optional", "--implicit-optional", "--allow-redefinition", "--follow-imports=silent",
        "--ignore-missing-imports", "--no-site-packages", "--python-version=3.11",
    ];

    private static readonly Lazy<PrebuiltArtifact> StubCache = new(() => new PrebuiltArtifact(
        // mypy's version in the name: a cache of another version would be ignored (and rebuilt in every check).
        "mypy-cache-" + (File.Exists(MypyVersionFile) ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(MypyVersionFile)))[..12] : "none"),
        new Dictionary<string, string> { ["solution.py"] = Prelude + "class Solution:\n    pass\n" },
        // A prebuilt artifact keeps regular files only: mypy's cache tree travels as one tar.
        ["/bin/sh", "-c", "\"$0\" -B -m mypy --cache-dir cache " + string.Join(' ', Flags) + " solution.py >/dev/null; "
            + "tar -cf cache.tar cache && rm -rf cache solution.py && test -s cache.tar", PythonToolchain.Interpreter],
        MountPoint));

    /// <summary>
    /// Runs mypy in-process after its stdin ends. Importing mypy (mypyc-compiled, ~100 extension modules) takes ~150 ms,
    /// so the check's sandbox is started ahead with mypy imported and waiting (<see cref="BuildPlan.CompilerWaitsForStdin"/>);
    /// a check started cold gets an empty stdin and goes on at once. It leaves with os._exit, as `mypy` itself does: the
    /// interpreter's orderly teardown of mypy's objects took ~200 ms in the sandbox. mypy exits 1 when it finds anything,
    /// but its findings are the answer, not a failed check, so every exit is a clean one.
    /// </summary>
    private const string Driver = """
        import os, sys
        from mypy.main import main
        import mypy.plugins.ctypes, mypy.plugins.singledispatch
        sys.stdin.read()
        try:
            main(args=sys.argv[1:], clean_exit=True)
        except BaseException:
            pass
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
        """;

    public static CheckPlan Plan(string candidateCode) => new(new BuildPlan
    {
        Files = new Dictionary<string, string> { ["solution.py"] = Prelude + SignatureFacts.NormaliseNewlines(candidateCode) },
        Prebuilt = StubCache.Value,
        // The stub cache unpacked into the box's /tmp (about 5 MB, a few ms, before the wait), where mypy may also write.
        CompileCommand = ["/bin/sh", "-c", "tar -xf " + MountPoint + "/cache.tar -C /tmp && exec \"$0\" -B -c \"$1\" --cache-dir /tmp/cache "
            + string.Join(' ', Flags) + " solution.py", PythonToolchain.Interpreter, Driver],
        CompilerWaitsForStdin = true,
        RunCommand = [],
        MaxProcesses = 8,
        CompileMemoryBytes = 512L * 1024 * 1024,
    }, Parse);

    /// <summary>"solution.py:LINE:COL:END_LINE:END_COL: error: MESSAGE  [code]" lines, moved back by the prelude's lines;
    /// notes and anything in the prelude are dropped.</summary>
    internal static IReadOnlyList<CodeDiagnostic> Parse(string output, string code)
    {
        var found = new List<CodeDiagnostic>();
        foreach (Match m in MypyLine().Matches(output))
        {
            int At(string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
            var line = At("line") - PreludeLines;
            if (line < 1 || m.Groups["severity"].Value != "error")
            {
                continue;
            }
            var endLine = m.Groups["endLine"].Success ? Math.Max(line, At("endLine") - PreludeLines) : line;
            var column = Math.Max(1, At("column"));
            var endColumn = m.Groups["endColumn"].Success ? At("endColumn") + 1 : column + 1;
            if (endLine == line && endColumn <= column)
            {
                endColumn = column + 1;
            }
            found.Add(new CodeDiagnostic(line, column, endLine, endColumn, "warning", m.Groups["message"].Value.Trim()));
        }
        return found;
    }

    [GeneratedRegex(@"^solution\.py:(?<line>\d+):(?<column>\d+)(?::(?<endLine>\d+):(?<endColumn>\d+))?: (?<severity>error|note): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex MypyLine();
}
