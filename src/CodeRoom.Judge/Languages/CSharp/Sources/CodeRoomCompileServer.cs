// A warm Roslyn (issue 14): one .NET process, started in a sandbox session ahead of time, with the SDK's own
// Microsoft.CodeAnalysis.CSharp loaded, the reference assemblies read once and the compiler JIT-compiled by a dozen
// warm-up compiles; it then compiles every candidate's Solution.cs in memory in tens of milliseconds instead of a cold
// csc's seconds. It runs no candidate code (no analyzers, no source generators; options fixed by the judge).
//
// Protocol (docs/harness-protocol.md): stdin, one request per line: "id name base64(source) [name base64(source)...]".
// Reply on fd 3: "O base64(compiler output)", then "F Solution.dll base64(bytes)" when it compiled, then
// "E id ok|error". After start-up and warm-up it greets with "R ready".
// Arguments: --compile-server <Roslyn directory> <reference assembly directory> <harness assembly>.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.Win32.SafeHandles;

namespace CodeRoom.Harness
{
    internal static class CompileServerEntry
    {
        public static int Run(string[] args)
        {
            var roslyn = args[1];
            // The SDK's Roslyn is not in this assembly's deps: resolve it (and its dependencies) from the SDK's folder.
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                var path = Path.Combine(roslyn, name.Name + ".dll");
                return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
            };
            return CompileServer.Serve(args[2], args[3]);
        }
    }

    internal static class CompileServer
    {
        /// <summary>On line 1 of every Solution.cs (the judge writes the same line); the candidate's code follows a
        /// #line directive, so its lines keep their numbers.</summary>
        private const string WarmUpSource = """
            using System; using System.Collections; using System.Collections.Generic; using System.Linq; using System.Text; using System.Numerics; using System.Text.RegularExpressions;
            #line 1 "Solution.cs"
            public class Solution {
                public int[] TwoSum(int[] nums, int target) {
                    var seen = new Dictionary<int, int>();
                    for (int i = 0; i < nums.Length; i++) {
                        if (seen.TryGetValue(target - nums[i], out var j)) return new[] { j, i };
                        seen[nums[i]] = i;
                    }
                    var s = nums.Select(x => "v" + x).ToList();
                    var pq = new PriorityQueue<long[], long>();
                    var sb = new StringBuilder(); foreach (var t in s) sb.Append(t).Append(',');
                    IList<IList<int>> r = new List<IList<int>>();
                    return Array.Empty<int>();
                }
                public ListNode Reverse(ListNode head) => head?.next;
                private class Node { public int Val; public Node Next; }
            }
            """;

        private const int WarmUpCompiles = 12;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static int Serve(string referenceDirectory, string harness)
        {
            var control = new FileStream(new SafeFileHandle((IntPtr)3, ownsHandle: false), FileAccess.Write, 1);
            var references = Directory.GetFiles(referenceDirectory, "*.dll").Order(StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .Append(MetadataReference.CreateFromFile(harness))
                .ToArray();
            for (var i = 0; i < WarmUpCompiles; i++)
            {
                Compile(references, new Dictionary<string, string> { ["Solution.cs"] = WarmUpSource + "\n// " + i });
            }
            Write(control, "R ready\n");
            var input = new StreamReader(Console.OpenStandardInput(), Encoding.ASCII);
            string line;
            while ((line = input.ReadLine()) is not null)
            {
                var parts = line.Split(' ');
                if (parts.Length < 3 || parts.Length % 2 != 1)
                {
                    Write(control, "O " + B64("malformed request") + "\nE " + parts[0] + " error\n");
                    continue;
                }
                var sources = new Dictionary<string, string>();
                for (var i = 1; i + 1 < parts.Length; i += 2)
                {
                    sources[parts[i]] = Encoding.UTF8.GetString(Convert.FromBase64String(parts[i + 1]));
                }
                Result result;
                try
                {
                    result = Compile(references, sources);
                }
                catch (OutOfMemoryException)
                {
                    // The heap may be in any state: end, and let the judge start a fresh server.
                    Environment.Exit(3);
                    return 3;
                }
                var reply = new StringBuilder();
                reply.Append("O ").Append(B64(result.Output)).Append('\n');
                if (result.Assembly is not null)
                {
                    reply.Append("F Solution.dll ").Append(Convert.ToBase64String(result.Assembly)).Append('\n');
                }
                reply.Append("E ").Append(parts[0]).Append(result.Assembly is not null ? " ok" : " error").Append('\n');
                Write(control, reply.ToString());
            }
            return 0;
        }

        private sealed class Result
        {
            public string Output = "";
            public byte[] Assembly;
        }

        /// <summary>Compiles on a thread with a big stack (deeply nested code overflows Roslyn's recursion otherwise,
        /// which would end the process).</summary>
        private static Result Compile(MetadataReference[] references, Dictionary<string, string> sources)
        {
            Result result = null;
            var worker = new Thread(() => result = CompileOn(references, sources), 256 << 20);
            worker.Start();
            worker.Join();
            return result;
        }

        /// <summary>The options a cold csc gets from the judge's command line (CSharpToolchain.CscOptions).</summary>
        internal static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp13, DocumentationMode.None);

        private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(true)
            .WithNullableContextOptions(NullableContextOptions.Disable)
            .WithDeterministic(true)
            .WithWarningLevel(0)
            .WithConcurrentBuild(false);

        private static Result CompileOn(MetadataReference[] references, Dictionary<string, string> sources)
        {
            var result = new Result();
            try
            {
                // /box/ as a cold csc in the box would name it (the #line directive names the candidate's file anyway).
                var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, Parse, "/box/" + s.Key, Encoding.UTF8)).ToArray();
                var compilation = CSharpCompilation.Create("Solution", trees, references, Options);
                using var image = new MemoryStream();
                var emitted = compilation.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
                var output = new StringBuilder();
                foreach (var diagnostic in emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20))
                {
                    output.Append(diagnostic.ToString()).Append('\n');
                }
                result.Output = output.ToString();
                if (emitted.Success)
                {
                    result.Assembly = image.ToArray();
                }
            }
            catch (InsufficientExecutionStackException)
            {
                result.Output = "error: the code is nested too deeply to compile\n";
            }
            return result;
        }

        private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

        private static void Write(Stream control, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            control.Write(bytes, 0, bytes.Length);
            control.Flush();
        }
    }
}
