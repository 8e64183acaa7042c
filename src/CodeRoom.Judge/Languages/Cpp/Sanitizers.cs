using System.Globalization;
using System.Text.RegularExpressions;

namespace CodeRoom.Judge.Languages.Cpp;

/// <summary>
/// How a C++ run's AddressSanitizer and UndefinedBehaviorSanitizer behave in the sandbox, and how their report
/// becomes a test's error (docs/harness-protocol.md, "C++ runtime errors"; docs/sandbox.md, "AddressSanitizer").
/// </summary>
internal static partial class Sanitizers
{
    /// <summary>Freed memory AddressSanitizer keeps unusable to catch a use after free: its default, 256 MB, is the
    /// whole default memory limit (code that allocates and frees in a loop would be killed for memory it freed).</summary>
    private static long QuarantineMb(int memoryLimitMb) => Math.Clamp(memoryLimitMb / 16, 4, 64);

    /// <summary>
    /// ASAN_OPTIONS. A report ends the process with SIGABRT (abort_on_error; SIGABRT is the harness's, handle_abort=0),
    /// whose handler sends the stack for the judge to name the line; SIGSEGV, SIGBUS and SIGFPE are the sanitizer's,
    /// so a null or wild pointer and a stack overflow are reported by name. No symbolization in the sandbox (the judge
    /// symbolises, CrashLocator), no leak checks (LSan needs ptrace, which seccomp denies, and LeetCode does not report
    /// leaks), no core dumps. An allocation larger than the memory limit fails at once (std::bad_alloc, judged
    /// memory_limit_exceeded) instead of being reported as a sanitizer error.
    /// </summary>
    public static string AsanOptions(int memoryLimitMb) => string.Join(':',
        "detect_leaks=0", "symbolize=0", "abort_on_error=1", "handle_abort=0", "handle_segv=1", "handle_sigbus=1",
        "handle_sigfpe=1", "allow_user_segv_handler=0", "disable_coredump=1", "print_legend=0",
        "detect_stack_use_after_return=0", "allocator_may_return_null=1",
        "quarantine_size_mb=" + QuarantineMb(memoryLimitMb).ToString(CultureInfo.InvariantCulture),
        "max_allocation_size_mb=" + memoryLimitMb.ToString(CultureInfo.InvariantCulture));

    /// <summary>UBSAN_OPTIONS: the same ending as AddressSanitizer's (the flags already halt at the first report).</summary>
    public const string UbsanOptions = "halt_on_error=1:abort_on_error=1:print_stacktrace=0:symbolize=0";

    /// <summary>
    /// What the sanitizer itself uses beyond the candidate's memory, added to the run's cgroup limit so that it is not
    /// charged to the candidate: the shadow (an eighth of the memory used), the quarantine and its own start-up
    /// (about 4 MB), with a margin for redzones. Measured in docs/benchmarks.md.
    /// </summary>
    public static long MemoryOverheadBytes(int memoryLimitMb) =>
        (memoryLimitMb / 8 + QuarantineMb(memoryLimitMb) + 16) * 1024L * 1024;

    /// <summary>
    /// The error of a test whose process died, from the last sanitizer report in its stderr: "AddressSanitizer:
    /// heap-buffer-overflow on address 0x... (READ of size 4)" or "runtime error: signed integer overflow: ...". Null
    /// when there is none (the signal says it). stderr is the candidate's, and so is anything read here: a forged
    /// report only changes the message of the candidate's own crashed test.
    /// </summary>
    public static string? Describe(string stderr)
    {
        try
        {
            return Report(stderr);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;  // hostile text that the patterns choke on: the signal says what happened
        }
    }

    private static string? Report(string stderr)
    {
        var asan = AsanError().Matches(stderr).LastOrDefault();
        var ubsan = UbsanError().Matches(stderr).LastOrDefault();
        if (asan is null && ubsan is null)
        {
            return null;
        }
        if (ubsan is not null && (asan is null || ubsan.Index > asan.Index))
        {
            var file = Path.GetFileName(ubsan.Groups["file"].Value);
            var message = "runtime error: " + ubsan.Groups["message"].Value.Trim();
            return file == CppToolchain.CandidateFile || file.Length == 0 ? message : $"{message} (in {file})";
        }
        var what = "AddressSanitizer: " + asan!.Groups["what"].Value.Trim();
        // The lines after it say how the memory was touched.
        var start = asan.Index + asan.Length;
        var details = stderr.Substring(start, Math.Min(600, stderr.Length - start));
        if (Access().Match(details) is { Success: true } access)
        {
            what += $" ({access.Value})";
        }
        else if (details.Contains("address points to the zero page", StringComparison.Ordinal))
        {
            what += " (a null pointer)";
        }
        return what;
    }

    // "==12==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020 at pc 0x55 bp 0x7f sp 0x7f"; "... SEGV on
    // unknown address 0x000000000000 (pc ...)"; "... attempting double-free on 0x6020 in thread T1:".
    [GeneratedRegex(@"ERROR: AddressSanitizer: (?<what>[^\n]{1,200}?)(?: at pc | \(pc |:?\r?$| in thread )", RegexOptions.Multiline, 1000)]
    private static partial Regex AsanError();

    // "solution.cpp:5:17: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'"
    [GeneratedRegex(@"^(?<file>[^\n:]{0,200}):\d+:\d+: runtime error: (?<message>[^\n]{1,500})", RegexOptions.Multiline, 1000)]
    private static partial Regex UbsanError();

    // The line after an ASan error: "READ of size 4 at 0x602000000118 thread T1" (also for SEGV: "The signal is
    // caused by a READ memory access." and then "Hint: address points to the zero page.").
    [GeneratedRegex(@"^(?:READ|WRITE) of size \d+", RegexOptions.Multiline, 1000)]
    private static partial Regex Access();
}
