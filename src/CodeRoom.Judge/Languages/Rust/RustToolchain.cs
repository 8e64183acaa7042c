using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Languages.Rust;

/// <summary>
/// Rust (Debian's rustc-web, edition 2021, opt-level 2, overflow checks off: LeetCode's settings). The candidate's code
/// is solution.rs, included whole by the generated judge_call.rs (so compiler messages and panics name solution.rs
/// and its own lines), which glob-imports LeetCode's predefined names, declares <c>struct Solution</c> unless the
/// candidate does, and holds the typed call site. The harness (JSON, I/O, the test loop) is an rlib built once.
/// </summary>
public sealed partial class RustToolchain : ILanguageToolchain
{
    /// <summary>Debian's rustc-web, by its full path: a rustup toolchain earlier in PATH is not what production has.</summary>
    public const string Compiler = "/usr/bin/rustc";
    public const string CandidateFile = "solution.rs";
    public const string CallSiteFile = "judge_call.rs";
    public const int DefaultMemoryLimitMb = 256;

    /// <summary>Where the prebuilt harness rlib is mounted in compiles.</summary>
    public const string PrebuiltMountPoint = "/opt/coderoom/rust";

    /// <summary>
    /// rustc links through the C compiler driver with mold (Debian's 1.10): the static standard library's link takes
    /// ~26 ms against gold's ~37, lld's ~47 and bfd's ~65 (docs/benchmarks.md). Not gold: binutils deprecated it, and
    /// rustc warns that it mislinks Rust (<c>#[used(linker)]</c>), a warning the judge's <c>-A warnings</c> would hide.
    /// <c>--no-fork</c>: mold otherwise returns while a forked child of it still tidies up, a process the compile's
    /// sandbox would kill at its end. <c>--thread-count=2</c>: mold starts a thread per core, and a many-core host would
    /// run into the compile's process limit (the four codegen units' LLVM threads are rustc's). Stripping std's debug
    /// info (panics keep their locations, which are not debug info) spares writing ~10 MB per binary.
    /// </summary>
    public const string LinkerDriver = "/usr/bin/gcc";

    public const string Linker = "/usr/bin/ld.mold";

    private static readonly Lazy<string> Harness = new(() => EmbeddedSource.Read("Rust.harness.rs"));

    /// <summary>The harness's module of the standard library's most used generic instances (std_instances.rs).</summary>
    private static readonly Lazy<string> StdInstances = new(() => EmbeddedSource.Read("Rust.std_instances.rs"));

    /// <summary>
    /// Lets rustc take <c>-Z share-generics</c> (below), an unstable flag of this stable compiler, as Firefox's and the
    /// Linux kernel's builds do with theirs. The candidate's code gets nothing from it: <see cref="CandidateLints"/>
    /// forbids <c>#![feature]</c>, so the language stays stable Rust's.
    /// </summary>
    private const string UnstableFlagsAllowed = "RUSTC_BOOTSTRAP=1";

    /// <summary>
    /// rustc loaded ahead of the candidate's files (<see cref="CompilerPreload"/>): in a compile sandbox prepared ahead of
    /// time it waits, its 245 MB of compiler libraries relocated, until the judge closes its stdin (~25 ms off each fresh
    /// Run and Rust check).
    /// </summary>
    private static readonly string[] PreloadedCompiler = CompilerPreload.Wrap(PrebuiltMountPoint, UnstableFlagsAllowed, Compiler);

    /// <summary>
    /// Code generation flags shared by the harness rlib and every compile. <c>share-generics</c>: the harness exports
    /// the generic instances it compiled (std_instances.rs) and a compile links to them instead of instantiating them
    /// again: a fresh compile of a solution with a <c>HashMap&lt;i32, i32&gt;</c> takes ~70 ms less (a third), and the
    /// sum over the problem bank's 30 solutions 15% less; the instances are the same opt-level-2 code, so run time
    /// does not change (docs/benchmarks.md).
    /// </summary>
    private static readonly string[] Flags =
    [
        "--edition", "2021", "-C", "opt-level=2", "-C", "overflow-checks=off", "-C", "debug-assertions=off",
        "-C", "debuginfo=0", "--color", "never", "-Z", "share-generics=yes",
    ];

    /// <summary>
    /// Errors only: a candidate's unused variable is no reason to show compiler output. <c>#![feature]</c> is an error,
    /// as on stable Rust (rustc lets no <c>allow</c> undo a forbidden lint): <see cref="UnstableFlagsAllowed"/> is for
    /// the judge's flags, not the candidate's code.
    /// </summary>
    private static readonly string[] CandidateLints = ["-A", "warnings", "-F", "unstable_features"];

    public LanguageId Id => LanguageId.Rust;

    public IReadOnlyList<string> RequiredFiles => [Compiler, LinkerDriver, Linker];

    /// <summary>The standard library's metadata and archives (read by every compile and link; libcore's metadata alone
    /// is 60 MB), the linker and its driver.</summary>
    public IReadOnlyList<string> ResidentPaths => [StandardLibrary, Linker, LinkerDriver];

    /// <summary>Debian's rustc-web: std and its dependencies as rlibs and rmeta files.</summary>
    public const string StandardLibrary = "/usr/lib/rustlib/x86_64-unknown-linux-gnu/lib";

    /// <summary>The method name: function_names.rust, else LeetCode's snake_case of the contract's name.</summary>
    public static string FunctionName(Signature signature) => RustTypes.Identifier(signature.FunctionNameFor(LanguageId.Rust));

    public string StarterCode(Signature signature)
    {
        var code = new StringBuilder(signature.NodeDefinitions(ListNodeDefinition, TreeNodeDefinition));
        if (signature.Uses(ValueKind.TreeNode))
        {
            code.Append("use std::rc::Rc;\nuse std::cell::RefCell;\n");
        }
        var parameters = string.Join(", ", signature.Params.Select(p =>
            RustTypes.SnakeCase(p.Name) + ": " + (p.Name == signature.OutputParam ? "&mut " : "") + RustTypes.Name(p.Type)));
        code.Append("impl Solution {\n    pub fn ").Append(FunctionName(signature)).Append('(').Append(parameters).Append(')');
        if (signature.ReturnType.Kind != ValueKind.Void)
        {
            code.Append(" -> ").Append(RustTypes.Name(signature.ReturnType));
        }
        code.Append(" {\n        \n    }\n}\n");
        return code.ToString();
    }

    public BuildPlan Plan(Signature signature, string candidateCode) => Plan(signature, candidateCode, DefaultMemoryLimitMb);

    /// <summary>The harness rlib, built once in the sandbox with the same code generation flags as every compile, and the
    /// preload that lets a compile's rustc start ahead of its files (a constant script: no candidate input).</summary>
    private static readonly Lazy<PrebuiltArtifact> Prebuilt = new(() => new PrebuiltArtifact(
        "rust-harness",
        new Dictionary<string, string>
        {
            ["harness.rs"] = Harness.Value,
            ["std_instances.rs"] = StdInstances.Value,
            [CompilerPreload.SourceName] = CompilerPreload.Source.Value,
        },
        ["/bin/sh", "-c", "set -e; " + UnstableFlagsAllowed + " " + Compiler + " " + string.Join(' ', Flags)
            + " --crate-type rlib --crate-name coderoom_harness harness.rs -o libcoderoom_harness.rlib; "
            + "rm -f harness.rs std_instances.rs; " + CompilerPreload.BuildCommand(LinkerDriver)],
        PrebuiltMountPoint));

    public BuildPlan Plan(Signature signature, string candidateCode, int memoryLimitMb)
    {
        var (attributes, code, attributeLines) = SplitInnerAttributes(SignatureFacts.NormaliseNewlines(candidateCode));
        return new BuildPlan
        {
            Files = new Dictionary<string, string>
            {
                [CandidateFile] = code,
                [CallSiteFile] = CallSite(signature, code, attributes),
            },
            Prebuilt = Prebuilt.Value,
            CompilerWaitsForStdin = true,
            CompileCommand =
            [
                .. PreloadedCompiler, .. Flags,
                "--crate-type", "bin", "--crate-name", "solution", .. CandidateLints,
                // Four codegen units without the local ThinLTO pass that joins them: LLVM optimises them in parallel.
                // Two units took 50 ms less wall time than one on the bench's two-sum (230 -> 180 ms) for the same CPU
                // time; four balance two cores better than two (one unit held the candidate's method and finished
                // ~40 ms after the other): 5-12 ms less in alternating A/B runs, no more CPU, and `problems verify` of
                // every Rust solution 4% faster. Units are cut by module, so the candidate's own functions stay in one
                // unit and can inline one another; the fairness bench's run time stays within 1% of bare rustc -O.
                // cargo's release profile uses 16 units with ThinLTO, which costs 30-40 ms more than this here.
                "-C", "codegen-units=4", "-C", "lto=off",
                "-C", "strip=debuginfo",
                "-C", "linker=" + LinkerDriver, "-C", "link-arg=-fuse-ld=mold", "-C", "link-arg=-Wl,--no-fork,--thread-count=2",
                "--extern", "coderoom_harness=" + PrebuiltMountPoint + "/libcoderoom_harness.rlib",
                "-L", PrebuiltMountPoint,
                CallSiteFile, "-o", "main",
            ],
            RunCommand = ["/box/main", StackBytes(memoryLimitMb).ToString(CultureInfo.InvariantCulture)],
            Environment = new Dictionary<string, string>
            {
                ["LANG"] = "C.UTF-8",
                ["LC_ALL"] = "C.UTF-8",
                ["TZ"] = "UTC",
                // rustc's own temporary files, and the path for the linker driver's own lookups.
                ["TMPDIR"] = "/tmp",
                ["PATH"] = "/usr/bin:/bin",
            },
            // The compile is rustc (a few threads), cc, collect2 and the linker; the run has two threads.
            MaxProcesses = 16,
            StartupAllowance = TimeSpan.FromMilliseconds(100),
            // No code of the candidate's runs before main in Rust, except through linker-section tricks; like C++, the
            // first test's clock starts when the process is fed, so such code is charged too.
            HarnessAnnouncesStart = false,
            CompileCpuTime = TimeSpan.FromSeconds(20),
            CleanCompilerOutput = output => CleanCompilerOutput(output, attributeLines),
        };
    }

    /// <summary>
    /// The judge's compile of <see cref="Plan(Signature, string, int)"/> up to type and borrow checking (what cargo
    /// check does: --emit=metadata), so no code generation and no link: the same files, flags and harness rlib, so the
    /// check reports exactly Run's compile errors.
    /// </summary>
    public Checking.CheckPlan Check(Signature signature, string candidateCode) => new(
        Plan(signature, candidateCode) with
        {
            // Loaded ahead, as Run's compile: the previous check leaves the next one's rustc waiting.
            CompileCommand =
            [
                .. PreloadedCompiler, .. Flags,
                "--crate-type", "bin", "--crate-name", "solution", .. CandidateLints,
                "--extern", "coderoom_harness=" + PrebuiltMountPoint + "/libcoderoom_harness.rlib",
                "-L", PrebuiltMountPoint,
                "--emit=metadata", CallSiteFile, "-o", "/tmp/check.rmeta",
            ],
        },
        RustDiagnostics.Parse);

    /// <summary>rustfmt in the sandbox: no formatter for Rust runs in the browser (issue 15).</summary>
    public Formatting.FormatPlan Format() => RustFormat.Plan;

    /// <summary>The test thread's stack: a quarter of the memory limit, as for C++ (docs/harness-protocol.md).</summary>
    internal static long StackBytes(int memoryLimitMb) => Math.Clamp(memoryLimitMb / 4, 8, 512) * 1024L * 1024;

    /// <summary>
    /// Inner attributes (<c>#![allow(dead_code)]</c>) are allowed only at the top of a crate, not in an included file:
    /// leading ones move to judge_call.rs and leave blank lines behind, so the candidate's lines keep their numbers. In
    /// judge_call.rs each one stays on its own line number and column (blank lines between), so that an error about it
    /// can be placed back in solution.rs (<see cref="CleanCompilerOutput(string, IReadOnlyCollection{int})"/>).
    /// </summary>
    internal static (string Attributes, string Code, IReadOnlyList<int> AttributeLines) SplitInnerAttributes(string code)
    {
        var lines = code.Split('\n');
        var attributes = new StringBuilder();
        var attributeLines = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("#![", StringComparison.Ordinal) && trimmed.EndsWith(']'))
            {
                attributes.Append('\n', i + 1 - attributeLines.LastOrDefault() - 1).Append(lines[i].TrimEnd()).Append('\n');
                attributeLines.Add(i + 1);
                lines[i] = "";
            }
            else if (trimmed.Length > 0 && !trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                break;
            }
        }
        return (attributes.ToString(), string.Join('\n', lines), attributeLines);
    }

    internal static string CallSite(Signature signature, string code, string innerAttributes = "")
    {
        var s = new StringBuilder();
        s.Append(innerAttributes);
        s.Append("// CodeRoom's call site: LeetCode's predefined names, the candidate's solution.rs, the typed call.\n");
        s.Append("#[allow(unused_imports)]\nuse coderoom_harness::prelude::*;\n");
        if (!Declares(code, "struct", "Solution"))
        {
            s.Append("pub struct Solution;\n");
        }
        s.Append("include!(\"").Append(CandidateFile).Append("\");\n");
        // A candidate who uncomments LeetCode's definition declares the type itself: the harness builds its nodes.
        if (signature.Params.Any(p => p.Type.Leaf.Kind == ValueKind.ListNode) || signature.ReturnType.Leaf.Kind == ValueKind.ListNode)
        {
            if (Declares(code, "struct", "ListNode"))
            {
                s.Append("coderoom_harness::list_like!(ListNode);\n");
            }
        }
        if (signature.Params.Any(p => p.Type.Leaf.Kind == ValueKind.TreeNode) || signature.ReturnType.Leaf.Kind == ValueKind.TreeNode)
        {
            if (Declares(code, "struct", "TreeNode"))
            {
                s.Append("coderoom_harness::tree_like!(TreeNode);\n");
            }
        }
        s.Append("fn __coderoom_test(r: &mut coderoom_harness::Reader, test: coderoom_harness::Test) {\n");
        s.Append("    let args = (|| -> coderoom_harness::ReadResult<_> {\n");
        s.Append("        r.expect(b'[')?;\n");
        for (var i = 0; i < signature.Params.Count; i++)
        {
            if (i > 0)
            {
                s.Append("        r.expect(b',')?;\n");
            }
            s.Append("        let a").Append(i).Append(": ").Append(RustTypes.Name(signature.Params[i].Type)).Append(" = ")
                .Append(RustTypes.Read(signature.Params[i].Type)).Append("?;\n");
        }
        s.Append("        r.expect(b']')?;\n");
        var names = Enumerable.Range(0, signature.Params.Count).Select(i => "a" + i).ToList();
        s.Append("        Ok((").Append(string.Join("", names.Select(n => n + ", "))).Append("))\n");
        s.Append("    })();\n");
        s.Append("    #[allow(unused_mut)]\n");
        s.Append("    let (").Append(string.Join("", names.Select(n => "mut " + n + ", "))).Append(") = match args {\n");
        s.Append("        Ok(a) => a,\n");
        s.Append("        Err(e) => return coderoom_harness::bad_input(test, e),\n");
        s.Append("    };\n");
        var outputIndex = signature.OutputParam is { } output ? signature.Params.ToList().FindIndex(p => p.Name == output) : -1;
        var args = string.Join(", ", names.Select((n, i) => i == outputIndex ? "&mut " + n : n));
        // The candidate's method through a pointer LLVM cannot see through: otherwise it is inlined into the call's
        // closure and that into the harness's, and its body optimised three times over (~10 ms of a two-sum's compile,
        // more for a longer solution). One indirect call per test at run time. The pointer's types are inferred from
        // the method, so a changed signature is still an error at this line ("incorrect number of function parameters").
        // Declared inside the closure: a &mut parameter's lifetime is then the call's own.
        var method = "let __coderoom_method: fn(" + string.Join(", ", names.Select(_ => "_")) + ") -> _ = Solution::" + FunctionName(signature) + "; ";
        var call = "std::hint::black_box(__coderoom_method)(" + args + ")";
        if (outputIndex >= 0)
        {
            var judged = signature.Params[outputIndex].Type;
            s.Append("    test.execute(move || { ").Append(method).Append(call).Append("; a").Append(outputIndex).Append(" }, ")
                .Append(RustTypes.Writer(judged)).Append(");\n");
        }
        else if (signature.ReturnType.Kind == ValueKind.Void)
        {
            s.Append("    test.execute(move || { ").Append(method).Append(call).Append("; }, ").Append(RustTypes.Writer(signature.ReturnType)).Append(");\n");
        }
        else
        {
            s.Append("    test.execute(move || { ").Append(method).Append(call).Append(" }, ").Append(RustTypes.Writer(signature.ReturnType)).Append(");\n");
        }
        s.Append("}\n");
        s.Append("fn main() {\n    coderoom_harness::run(__coderoom_test)\n}\n");
        return s.ToString();
    }

    /// <summary>Whether the code declares the item, outside comments (LeetCode's starter has the definitions commented out)
    /// and string literals (<c>"struct Solution"</c> in a message is no declaration: taking it for one left Solution
    /// undeclared, a compile error for valid code).</summary>
    private static bool Declares(string code, string keyword, string name) =>
        Regex.IsMatch(CodeOnly(code), @"\b" + keyword + @"\s+" + name + @"\b", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>The code with comments (nested block comments included) and string and char literals blanked, in one
    /// linear pass (a pattern for raw strings backtracks quadratically on unterminated ones).</summary>
    internal static string CodeOnly(string code)
    {
        var s = code.ToCharArray();
        var i = 0;
        void Blank(int from, int to) => Array.Fill(s, ' ', from, Math.Min(to, s.Length) - from);
        while (i < s.Length)
        {
            var start = i;
            if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var depth = 0;
                do
                {
                    if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '*') { depth++; i += 2; }
                    else if (s[i] == '*' && i + 1 < s.Length && s[i + 1] == '/') { depth--; i += 2; }
                    else { i++; }
                }
                while (depth > 0 && i < s.Length);
            }
            else if (s[i] == 'r' && (StartsWord(s, i) || s[i - 1] == 'b' && StartsWord(s, i - 1)) && RawStringHashes(s, i + 1) is var hashes and >= 0)
            {
                // r"..." or r#"..."# (br too): no escapes; it ends at a quote followed by as many hashes.
                i += 2 + hashes;
                while (i < s.Length && !(s[i] == '"' && Hashes(s, i + 1) >= hashes))
                {
                    i++;
                }
                i = Math.Min(s.Length, i + 1 + hashes);
            }
            else if (s[i] == '"')
            {
                for (i++; i < s.Length && s[i] != '"'; i++)
                {
                    if (s[i] == '\\')
                    {
                        i++;
                    }
                }
                i++;
            }
            else if (s[i] == '\'' && i + 2 < s.Length && (s[i + 2] == '\'' && s[i + 1] != '\\' || s[i + 1] == '\\'))
            {
                // A char literal ('"', '\'', '\u{1F600}'); a lifetime ('a) has no closing quote right after its name.
                var close = Array.IndexOf(s, '\'', i + 2 + (s[i + 1] == '\\' ? 1 : 0));
                i = close < 0 || close - i > 12 ? i + 1 : close + 1;
            }
            else
            {
                i++;
                continue;
            }
            Blank(start, i);
        }
        return new string(s);

        static int Hashes(char[] s, int at)
        {
            var n = 0;
            while (at + n < s.Length && s[at + n] == '#')
            {
                n++;
            }
            return n;
        }

        static bool StartsWord(char[] s, int at) => at == 0 || !char.IsLetterOrDigit(s[at - 1]) && s[at - 1] != '_';

        static int RawStringHashes(char[] s, int at) => Hashes(s, at) is var n && at + n < s.Length && s[at + n] == '"' ? n : -1;
    }

    /// <summary>rustc names files relative to the box; strip any absolute box path that slips through. A place on a line
    /// of judge_call.rs that holds one of the candidate's inner attributes is that attribute's place in solution.rs (same
    /// line, same column, same text in the snippet). A forbidden <c>#![feature]</c> is explained as stable rustc explains
    /// it, not by the judge's command line.</summary>
    internal static string CleanCompilerOutput(string output, IReadOnlyCollection<int> attributeLines)
    {
        output = BoxPath().Replace(output, "");
        if (attributeLines.Count > 0)
        {
            output = CallSitePlace().Replace(output, m =>
                attributeLines.Contains(int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture)) ? CandidateFile + ":" + m.Groups["line"].Value + ":" : m.Value);
        }
        output = NightlyOnlyHelp().Replace(NightlyOnlyHelpBlock().Replace(output, ""), "");
        return ForbiddenFeatureNote().Replace(output, "`#![feature]` may not be used on the stable release channel");
    }

    // What rustc adds to an unstable API's error (E0658) only when RUSTC_BOOTSTRAP is set: the candidate sees stable's
    // error. The block form drops the snippet's closing "|" with them, as stable has none there.
    [GeneratedRegex(@"(?m)^ *\|\n *= help: add `#!\[feature\([^)\n]*\)\]` to the crate attributes to enable\n *= note: this compiler was built on [^\n]*\n(?=\n|\z)")]
    private static partial Regex NightlyOnlyHelpBlock();

    [GeneratedRegex(@"(?m)^ *= (?:help: add `#!\[feature\([^)\n]*\)\]` to the crate attributes to enable|note: this compiler was built on [^\n]*; consider upgrading it if it is out of date)\n")]
    private static partial Regex NightlyOnlyHelp();

    [GeneratedRegex(@"judge_call\.rs:(?<line>\d{1,6}):")]
    private static partial Regex CallSitePlace();

    [GeneratedRegex(@"/box/")]
    private static partial Regex BoxPath();

    [GeneratedRegex(@"requested on the command line with `-F unstable-features`")]
    private static partial Regex ForbiddenFeatureNote();

    private const string ListNodeDefinition = """
        // Definition for singly-linked list.
        // #[derive(PartialEq, Eq, Clone, Debug)]
        // pub struct ListNode {
        //   pub val: i32,
        //   pub next: Option<Box<ListNode>>
        // }
        //
        // impl ListNode {
        //   #[inline]
        //   fn new(val: i32) -> Self {
        //     ListNode {
        //       next: None,
        //       val
        //     }
        //   }
        // }

        """;

    private const string TreeNodeDefinition = """
        // Definition for a binary tree node.
        // #[derive(Debug, PartialEq, Eq)]
        // pub struct TreeNode {
        //   pub val: i32,
        //   pub left: Option<Rc<RefCell<TreeNode>>>,
        //   pub right: Option<Rc<RefCell<TreeNode>>>,
        // }
        //
        // impl TreeNode {
        //   #[inline]
        //   pub fn new(val: i32) -> Self {
        //     TreeNode {
        //       val,
        //       left: None,
        //       right: None
        //     }
        //   }
        // }

        """;
}
