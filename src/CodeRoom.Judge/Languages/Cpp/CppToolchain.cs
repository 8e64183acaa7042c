using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Languages.Cpp;

/// <summary>
/// C++ (clang-19, C++23, -O2). main.cpp includes harness.hpp, then the candidate's code under
/// <c>#line 1 "solution.cpp"</c>, then the typed call site generated from the signature.
/// </summary>
public sealed partial class CppToolchain : ILanguageToolchain
{
    public const string Compiler = "/usr/bin/clang++-19";
    public const string CandidateFile = "solution.cpp";
    public const int DefaultMemoryLimitMb = 256;

    private static readonly Lazy<string> Harness = new(() => EmbeddedSource.Read("Cpp.harness.hpp"));
    private static readonly Lazy<string> HarnessBodies = new(() => EmbeddedSource.Read("Cpp.harness.cpp"));

    public LanguageId Id => LanguageId.Cpp;

    public string StarterCode(Signature signature)
    {
        var code = new StringBuilder();
        if (signature.Uses(ValueKind.ListNode))
        {
            code.Append(ListNodeDefinition);
        }
        if (signature.Uses(ValueKind.TreeNode))
        {
            code.Append(TreeNodeDefinition);
        }
        var parameters = string.Join(", ", signature.Params.Select(p => CppTypes.Parameter(p.Type) + " " + p.Name));
        code.Append("class Solution {\npublic:\n");
        code.Append("    ").Append(CppTypes.Name(signature.ReturnType)).Append(' ')
            .Append(signature.FunctionNameFor(LanguageId.Cpp)).Append('(').Append(parameters).Append(") {\n");
        code.Append("        \n    }\n};\n");
        return code.ToString();
    }

    public BuildPlan Plan(Signature signature, string candidateCode) => Plan(signature, candidateCode, DefaultMemoryLimitMb);

    /// <summary>Where the precompiled harness (and with it the whole standard library) is mounted in compiles.</summary>
    public const string PrebuiltMountPoint = "/opt/coderoom/cpp";

    /// <summary>
    /// As LeetCode compiles C++ (issue 14): AddressSanitizer, so an out-of-bounds index, a heap overflow or a use
    /// after free is a runtime error naming its kind instead of a silent wrong answer; the UndefinedBehaviorSanitizer
    /// checks whose messages LeetCode shows (signed overflow, division by zero, a member access through a null
    /// pointer, a missing return, a fixed-size array index out of bounds, a bad shift), halting at the first report
    /// (array-bounds, not bounds: its local-bounds part traps with SIGILL and no message);
    /// and libstdc++'s assertions, so that every out-of-range v[i] aborts with libstdc++'s message, also within the
    /// vector's capacity (v[v.size()] after a reserve) and past it into another allocation (v[1000]), which
    /// AddressSanitizer alone cannot see. Measured choices (docs/harness-protocol.md, "C++ runtime errors"): the rest
    /// of -fsanitize=undefined (alignment, object size, pointer overflow, nonnull attributes, ...) doubled the compile
    /// of a two-sum for checks LeetCode's candidates rarely meet; libstdc++'s container annotations
    /// (_GLIBCXX_SANITIZE_VECTOR) catch only the first of those indexes and made push_back four times slower, where the
    /// assertions cost about 10%; the detection of stack use after return needs fake stacks (memory and time) and
    /// LeetCode does not report it. -fno-delete-null-pointer-checks keeps a load through a null pointer that -O2 would
    /// otherwise delete (a wrong answer) where UBSan's null check does not reach. The precompiled header and harness.o
    /// are built with the same flags (clang refuses a PCH built with others); the driver's link line (-###) is asked
    /// with the -fsanitize flag, so it names the sanitizers' runtime.
    /// </summary>
    private const string Sanitize = "-fsanitize=address,signed-integer-overflow,integer-divide-by-zero,null,return,array-bounds,vla-bound,shift";

    private static readonly string[] SanitizerFlags =
    [
        Sanitize, "-fno-sanitize-recover=all", "-fsanitize-address-use-after-return=never", "-D_GLIBCXX_ASSERTIONS",
        "-fno-delete-null-pointer-checks",
    ];

    /// <summary>Flags shared by the precompiled header and every compile: clang refuses a PCH built with others.</summary>
    private static readonly string[] Flags =
    [
        "-std=c++23", "-O2", "-pipe", "-fno-color-diagnostics", "-ferror-limit=20",
        // Bounded compile-time work: a constexpr or template bomb fails fast instead of eating the compile budget.
        "-fconstexpr-steps=10000000", "-ftemplate-depth=1024",
        // Line tables only (no types or variables): enough to name the candidate's line of a crash, for about 7% more
        // compile time (docs/harness-protocol.md, crash locations).
        "-gline-tables-only",
        .. SanitizerFlags,
    ];


    /// <summary>Symbolises a crash's addresses in a second sandbox (never here: the binary is the candidate's). Its
    /// DWARF 5 inline tables are what llvm-symbolizer reads right and binutils 2.40's addr2line does not.</summary>
    public const string SymbolizerPath = "/usr/bin/llvm-symbolizer-19";

    /// <summary>
    /// The linker, run directly rather than by clang's driver: a driver that links too runs its compile as a second
    /// clang process (about 20 ms of start-up), and gold starts in 2 ms where lld, like clang, takes about 20 ms to
    /// load LLVM. The link does not change the candidate's code.
    /// </summary>
    public const string Linker = "/usr/bin/ld.gold";

    /// <summary>clang with the preload that lets it start, and load, ahead of the candidate's files.</summary>
    private static readonly string[] PreloadedCompiler = CompilerPreload.Wrap(PrebuiltMountPoint, Compiler);

    /// <summary>The object every compile writes: in the compile's private /tmp, so it is not cached with the binary.</summary>
    private const string ObjectFile = "/tmp/main.o";

    /// <summary>
    /// harness.hpp includes bits/stdc++.h; parsing it is most of a naive compile (about 1.3 s of CPU here). It is
    /// precompiled once (-fno-pch-timestamp: the header is copied out of the build box, which changes its mtime),
    /// with the templates it uses instantiated (-fpch-instantiate-templates; its warm-up uses the commonest
    /// containers, so most solutions find theirs done). The harness's bodies (harness.cpp) are compiled once into
    /// harness.o, so a compile optimises the candidate's code and a thin call site only. link.rsp is the driver's
    /// own link line for main (crt files, libstdc++, the harness), asked of it once (-###) and kept, so each
    /// compile runs the linker directly.
    /// </summary>
    private static readonly Lazy<PrebuiltArtifact> Precompiled = new(() => new PrebuiltArtifact(
        "cpp-harness-pch",
        new Dictionary<string, string>
        {
            ["harness.hpp"] = Harness.Value,
            ["harness.cpp"] = HarnessBodies.Value,
            [CompilerPreload.SourceName] = CompilerPreload.Source.Value,
        },
        // A constant script (no candidate input): the PCH, the harness object, the link line, then the compiler's preload.
        ["/bin/sh", "-c", "set -e; " + Compiler + " " + string.Join(' ', Flags)
            + " -Xclang -fno-pch-timestamp -fpch-instantiate-templates -x c++-header harness.hpp -o harness.hpp.pch; "
            + Compiler + " " + string.Join(' ', Flags) + " -include-pch harness.hpp.pch -ffunction-sections -fdata-sections"
            + " -c harness.cpp -o harness.o; "
            + ": > " + ObjectFile + "; "
            + Compiler + " -### -fuse-ld=gold " + Sanitize + " -Wl,--gc-sections -o main " + ObjectFile + " " + PrebuiltMountPoint + "/harness.o 2> /tmp/driver.txt; "
            + "sed -n 's|^ \"" + Linker + "\" ||p' /tmp/driver.txt > link.rsp; test -s link.rsp; "
            + CompilerPreload.BuildCommand(Compiler)],
        PrebuiltMountPoint));

    /// <summary>The sanitizers' runtime (Debian's libclang-rt-19-dev), linked statically into every executable.</summary>
    public const string SanitizerRuntime = SanitizerRuntimeDirectory + "libclang_rt.asan-x86_64.a";

    private const string SanitizerRuntimeDirectory = "/usr/lib/llvm-19/lib/clang/19/lib/linux/";

    public IReadOnlyList<string> RequiredFiles => [Compiler, Linker, SymbolizerPath, SanitizerRuntime];

    /// <summary>The linker and the sanitizers' runtime archives every link reads (the precompiled header is the prebuilt
    /// artifact's).</summary>
    public IReadOnlyList<string> ResidentPaths => LinkInputs;

    /// <summary>What link.rsp names besides the candidate's object and the harness: gold, and the ASan runtime's archives
    /// and export lists (libstdc++ and libc are mapped by every running C++ program anyway).</summary>
    private static readonly string[] LinkInputs =
    [
        Linker, SanitizerRuntime, SanitizerRuntime + ".syms", SanitizerRuntimeDirectory + "libclang_rt.asan_static-x86_64.a",
        SanitizerRuntimeDirectory + "libclang_rt.asan_cxx-x86_64.a", SanitizerRuntimeDirectory + "libclang_rt.asan_cxx-x86_64.a.syms",
    ];

    public BuildPlan Plan(Signature signature, string candidateCode, int memoryLimitMb) => new()
    {
        Files = new Dictionary<string, string>
        {
            ["main.cpp"] = MainSource(signature, candidateCode),
        },
        Prebuilt = Precompiled.Value,
        // Compile only (clang's in-process compile), then link with the prebuilt link line. A constant script: the
        // candidate's code is in main.cpp, never in the command. clang is preloaded (CompilerPreload): in a compile
        // sandbox prepared ahead of time the shell has started it, and it waits loaded for the end of stdin, which the
        // shell passes on; ~20 ms of its start-up (libclang-cpp and libLLVM relocated) is then off the compile's path.
        CompileCommand =
        [
            "/bin/sh", "-c",
            string.Join(' ', PreloadedCompiler) + " " + string.Join(' ', Flags) + " -include-pch " + PrebuiltMountPoint + "/harness.hpp.pch -c -o "
                + ObjectFile + " main.cpp && exec " + Linker + " @" + PrebuiltMountPoint + "/link.rsp",
        ],
        CompilerWaitsForStdin = true,
        RunCommand = ["/box/main", StackBytes(memoryLimitMb).ToString(CultureInfo.InvariantCulture)],
        Environment = new Dictionary<string, string>
        {
            ["LANG"] = "C.UTF-8",
            ["LC_ALL"] = "C.UTF-8",
            ["TZ"] = "UTC",
            ["ASAN_OPTIONS"] = Sanitizers.AsanOptions(memoryLimitMb),
            ["UBSAN_OPTIONS"] = Sanitizers.UbsanOptions,
        },
        MemoryOverheadBytes = Sanitizers.MemoryOverheadBytes(memoryLimitMb),
        ShadowMemory = Sanitizers.ShadowMemory(memoryLimitMb),
        DescribeCrash = Sanitizers.Describe,
        // The compile is a shell, clang and the linker; the run itself has two threads (main and the big-stack one).
        MaxProcesses = 16,
        StartupAllowance = TimeSpan.FromMilliseconds(100),
        // Global constructors run before main: there is no moment before the candidate's code to announce.
        HarnessAnnouncesStart = false,
        CompileCpuTime = TimeSpan.FromSeconds(20),
        CleanCompilerOutput = CleanCompilerOutput,
        Symbolizer = new CrashSymbolizer(SymbolizeCommand, CandidateFile),
    };

    /// <summary>
    /// Live diagnostics: the compile's own command with -fsyntax-only instead of -c and no link (the same flags and
    /// precompiled harness, so the same errors as Run, template instantiation included; only link errors need Run).
    /// </summary>
    public Checking.CheckPlan Check(Signature signature, string candidateCode) => new(
        Plan(signature, candidateCode) with
        {
            // Loaded ahead, as Run's compile: the previous check leaves the next one's clang waiting.
            CompileCommand =
            [
                .. PreloadedCompiler, .. Flags, "-include-pch", PrebuiltMountPoint + "/harness.hpp.pch", "-fsyntax-only", "main.cpp",
            ],
        },
        CppDiagnostics.Parse);

    /// <summary>Offsets come from the harness's T and R lines, parsed as numbers: the argv holds no candidate text.</summary>
    private static IReadOnlyList<string> SymbolizeCommand(IReadOnlyList<ulong> offsets) =>
    [
        SymbolizerPath, "--obj=/box/main", "--output-style=JSON", "--functions=none", "--inlining",
        .. offsets.Select(o => "0x" + o.ToString("x", CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// The stack of the thread that runs the tests: a quarter of the memory limit (64 MB of 256), ample for depth
    /// 100,000, and small enough that runaway recursion overflows (SIGSEGV, a runtime error) before its touched stack
    /// pages reach the memory limit (which RLIMIT_STACK alone, at 256 MB, would not ensure).
    /// </summary>
    internal static long StackBytes(int memoryLimitMb) => Math.Clamp(memoryLimitMb / 4, 8, 512) * 1024L * 1024;

    /// <summary>main.cpp: the candidate's code with its own line numbers, then the call site (the harness is the
    /// precompiled header).</summary>
    internal static string MainSource(Signature signature, string candidateCode)
    {
        var code = SignatureFacts.NormaliseNewlines(candidateCode);
        var main = new StringBuilder();
        main.Append("#line 1 \"").Append(CandidateFile).Append("\"\n");
        main.Append(code);
        if (!code.EndsWith('\n'))
        {
            main.Append('\n');
        }
        main.Append(CallSite(signature));
        return main.ToString();
    }

    internal static string CallSite(Signature signature)
    {
        var function = signature.FunctionNameFor(LanguageId.Cpp);
        var s = new StringBuilder();
        // Errors in the call site (a changed method signature) name this file, not the candidate's.
        s.Append("#line 1 \"judge_call.cpp\"\n");
        s.Append("int main(int argc, char** argv) {\n");
        s.Append("    return coderoom::run(argc, argv, [](coderoom::Reader& in, coderoom::Test& test) {\n");
        s.Append("        in.expect('[');\n");
        for (var i = 0; i < signature.Params.Count; i++)
        {
            if (i > 0)
            {
                s.Append("        in.expect(',');\n");
            }
            s.Append("        auto a").Append(i).Append(" = coderoom::Read<")
                .Append(CppTypes.Name(signature.Params[i].Type)).Append(">::get(in);\n");
        }
        s.Append("        in.expect(']');\n");
        var args = string.Join(", ", Enumerable.Range(0, signature.Params.Count).Select(i => "a" + i));
        s.Append("        coderoom::execute<Solution>(test, [&](Solution& solution, std::string& value) {\n");
        if (signature.OutputParam is { } output)
        {
            var index = signature.Params.ToList().FindIndex(p => p.Name == output);
            s.Append("            solution.").Append(function).Append('(').Append(args).Append(");\n");
            s.Append("            test.stop();\n");
            s.Append("            coderoom::write(value, a").Append(index).Append(");\n");
        }
        else if (signature.ReturnType.Kind == ValueKind.Void)
        {
            s.Append("            solution.").Append(function).Append('(').Append(args).Append(");\n");
            s.Append("            test.stop();\n");
            s.Append("            value = \"null\";\n");
        }
        else
        {
            s.Append("            auto result = solution.").Append(function).Append('(').Append(args).Append(");\n");
            s.Append("            test.stop();\n");
            s.Append("            coderoom::write(value, result);\n");
        }
        s.Append("        });\n");
        s.Append("    });\n");
        s.Append("}\n");
        return s.ToString();
    }

    /// <summary>
    /// Compiler output names files relative to the box; strip any absolute box path that slips through. A linker
    /// error (a function declared but never defined) loses its prefix, which names our object file and the
    /// harness's mangled wrapper that the candidate's method was inlined into: "ld: error: undefined reference to
    /// 'helper(int)'" is what the candidate needs. With the line tables, gold names the candidate's line instead
    /// ("solution.cpp:5: error: undefined reference to 'helper(int)'"); the prefix rule stays for code without one.
    /// </summary>
    internal static string CleanCompilerOutput(string output) =>
        LinkerContext().Replace(BoxPath().Replace(SanitizerLinkWarning().Replace(output, ""), ""), "ld: ");

    /// <summary>gold's warning on every link of the sanitizers' runtime (a symbol of its export list is local): ours,
    /// not the candidate's.</summary>
    [GeneratedRegex(@"^ld\.gold: warning: Cannot export local symbol '__asan_[A-Za-z_]*'\n?", RegexOptions.Multiline)]
    private static partial Regex SanitizerLinkWarning();

    [GeneratedRegex(@"/box/")]
    private static partial Regex BoxPath();

    [GeneratedRegex(@"^/tmp/main\.o:[^\n]*?: (?=(?:error|warning): )", RegexOptions.Multiline)]
    private static partial Regex LinkerContext();

    private const string ListNodeDefinition = """
        /**
         * Definition for singly-linked list.
         * struct ListNode {
         *     int val;
         *     ListNode *next;
         *     ListNode() : val(0), next(nullptr) {}
         *     ListNode(int x) : val(x), next(nullptr) {}
         *     ListNode(int x, ListNode *next) : val(x), next(next) {}
         * };
         */

        """;

    private const string TreeNodeDefinition = """
        /**
         * Definition for a binary tree node.
         * struct TreeNode {
         *     int val;
         *     TreeNode *left;
         *     TreeNode *right;
         *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
         *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
         *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
         * };
         */

        """;
}
