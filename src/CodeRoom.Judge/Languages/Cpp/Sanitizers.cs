using System.Globalization;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Sandbox;

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
    /// leaks), no core dumps. malloc of an impossible size returns null as glibc's does (allocator_may_return_null);
    /// no cap on one allocation below that: a large one is judged by the cgroup as it is touched, as without the
    /// sanitizer (its operator new reports "out of memory" rather than throwing std::bad_alloc, so a cap would make a
    /// growing vector a runtime error instead of memory_limit_exceeded).
    /// </summary>
    public static string AsanOptions(int memoryLimitMb) => string.Join(':',
        "detect_leaks=0", "symbolize=0", "abort_on_error=1", "handle_abort=0", "handle_segv=1", "handle_sigbus=1",
        "handle_sigfpe=1", "allow_user_segv_handler=0", "disable_coredump=1", "print_legend=0",
        "detect_stack_use_after_return=0", "allocator_may_return_null=1",
        "quarantine_size_mb=" + QuarantineMb(memoryLimitMb).ToString(CultureInfo.InvariantCulture));

    /// <summary>UBSAN_OPTIONS: the same ending as AddressSanitizer's (the flags already halt at the first report).</summary>
    public const string UbsanOptions = "halt_on_error=1:abort_on_error=1:print_stacktrace=0:symbolize=0";

    /// <summary>
    /// What the sanitizer itself uses beyond the candidate's memory, added to the run's cgroup limit so that it is not
    /// charged to the candidate: the shadow (an eighth of the memory used), the quarantine and its own start-up
    /// (about 4 MB), with a margin for redzones. Measured in docs/benchmarks.md.
    /// </summary>
    public static long MemoryOverheadBytes(int memoryLimitMb) =>
        (memoryLimitMb / 8 + QuarantineMb(memoryLimitMb) + 16) * 1024L * 1024;

    /// <summary>AddressSanitizer's shadow on x86-64 (LowShadow to HighShadow, the gap between them included: it is
    /// never resident): [0x7fff8000, 0x10007fff8000).</summary>
    public static readonly AddressRange ShadowRange = new(0x7fff8000, 0x10007fff8000);

    /// <summary>
    /// The fixed headroom above fits many small allocations, whose shadow and redzones cost up to ~45% more (200,000
    /// vector&lt;int&gt;(100): 128 MB against 87 MB without the sanitizer, 14 MB of it shadow), but it made one big
    /// buffer free memory: its shadow is never touched, so 290 MB fitted under a 256 MB limit (296 MB with the
    /// sanitizer, 293 without). So what a test may use beyond the limit follows the shadow it really has: the runtime's
    /// own few MB (3 measured, 4 allowed) and eight times the shadow's resident size, never more than the fixed headroom
    /// the cgroup enforces anyway. Everything else the sanitizer holds comes with shadow it touched: a quarantined
    /// chunk's shadow is poisoned (an eighth of its size), and redzones cost 0.3-2x the shadow of the small allocations
    /// they pad (16- to 400-byte ones measured; buffers of 1 MB and more: 1-5 MB in all).
    /// </summary>
    public static ShadowMemoryRule ShadowMemory(int memoryLimitMb)
    {
        const long runtime = 4L * 1024 * 1024;
        var ceiling = MemoryOverheadBytes(memoryLimitMb);
        return new ShadowMemoryRule(ShadowRange, shadow => Math.Min(ceiling, runtime + 8 * shadow));
    }

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
        var assertion = LibraryAssertion().Matches(stderr).LastOrDefault();
        var last = new[] { asan, ubsan, assertion }.Where(m => m is not null).MaxBy(m => m!.Index);
        if (last is null)
        {
            return null;
        }
        if (last == assertion)
        {
            // "std::vector<_Tp, _Alloc>::reference std::vector<_Tp, _Alloc>::operator[](size_type) [with _Tp = int; ...]"
            // becomes "std::vector::operator[]".
            var function = assertion.Groups["function"].Value;
            for (var i = 0; i < 4; i++)
            {
                function = TemplateArguments().Replace(function, "");  // innermost first, a few levels deep
            }
            var call = function.IndexOf('(', StringComparison.Ordinal) is var paren and > 0 ? function[..paren] : function;
            call = call[(call.LastIndexOf(' ') + 1)..];
            return $"runtime error: out of range in {call} (Assertion '{assertion.Groups["condition"].Value}' failed)";
        }
        if (last == ubsan)
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

    // libstdc++'s _GLIBCXX_ASSERTIONS: "/usr/include/c++/12/bits/stl_vector.h:1123: std::vector<_Tp, _Alloc>::reference
    // std::vector<_Tp, _Alloc>::operator[](size_type) [with _Tp = int; ...]: Assertion '__n < this->size()' failed."
    // Only the library's (its headers' path, its quotes): the candidate's own assert() stays a SIGABRT.
    [GeneratedRegex(@"^[^\n:]{0,200}/include/c\+\+/[^\n:]{0,200}:\d+: (?<function>[^\n]{1,1000}?): Assertion '(?<condition>[^'\n]{1,200})' failed\.", RegexOptions.Multiline, 1000)]
    private static partial Regex LibraryAssertion();

    [GeneratedRegex(@"<[^<>]*>", RegexOptions.None, 1000)]
    private static partial Regex TemplateArguments();

    // "solution.cpp:5:17: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'"
    [GeneratedRegex(@"^(?<file>[^\n:]{0,200}):\d+:\d+: runtime error: (?<message>[^\n]{1,500})", RegexOptions.Multiline, 1000)]
    private static partial Regex UbsanError();

    // The line after an ASan error: "READ of size 4 at 0x602000000118 thread T1" (also for SEGV: "The signal is
    // caused by a READ memory access." and then "Hint: address points to the zero page.").
    [GeneratedRegex(@"^(?:READ|WRITE) of size \d+", RegexOptions.Multiline, 1000)]
    private static partial Regex Access();
}
