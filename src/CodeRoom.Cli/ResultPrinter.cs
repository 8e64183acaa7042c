using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Cli;

/// <summary>The readable form of a judge result.</summary>
internal static class ResultPrinter
{
    public static void Print(Problem problem, LanguageId language, JudgeMode mode, JudgeResult result)
    {
        Console.WriteLine($"{problem.Slug} · {language.WireName()} · {mode.ToString().ToLowerInvariant()}");
        if (result.Compile is { } compile)
        {
            Console.WriteLine(compile.Ok ? $"compile: ok ({compile.TimeMs:0} ms{(compile.Cached ? ", cached" : "")})" : "compile: failed");
            if (!compile.Ok && compile.Output.Length > 0)
            {
                Console.WriteLine(Indent(compile.Output));
            }
        }
        foreach (var test in result.Tests)
        {
            var time = test.RuntimeMs is { } ms ? $"{ms:0.###} ms" : "-";
            var memory = test.MemoryKb is { } kb ? $"{kb / 1024.0:0.0} MB" : "-";
            Console.WriteLine($"test {test.Index + 1,-3} {test.Visibility.ToString().ToLowerInvariant(),-7} {Name(test.Verdict),-22} {time,10} {memory,9}{(test.Category is { } c ? "  [" + c + "]" : "")}");
            if (test.Verdict != Verdict.Accepted || mode == JudgeMode.Run)
            {
                Console.WriteLine($"    input:    {Short(test.Input)}");
                Console.WriteLine($"    expected: {Short(test.Expected)}");
                Console.WriteLine($"    actual:   {Short(test.Actual)}");
            }
            if (test.Error is { } error)
            {
                Console.WriteLine($"    error:    {error}");
            }
            if (test.Stdout.Length > 0)
            {
                Console.WriteLine("    stdout:\n" + Indent(test.Stdout, "      "));
            }
        }
        if (result.InternalMessage is { } internalMessage)
        {
            Console.WriteLine($"internal error: {internalMessage}");
        }
        var failing = result.FirstFailingTest is { } f ? $", first failing test {f + 1}" : "";
        Console.WriteLine($"verdict: {Name(result.Verdict)}  {result.Passed}/{result.Total}{failing}  (cpu {result.CpuMs:0} ms, wall {result.WallMs:0} ms, peak {result.PeakMemoryKb / 1024.0:0.0} MB)");
    }

    public static string Name(Verdict verdict) => JsonNamingPolicy.SnakeCaseLower.ConvertName(verdict.ToString());

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 200 ? text : text[..200] + $"... ({text.Length} chars)";
    }

    private static string Indent(string text, string prefix = "    ") =>
        string.Join("\n", text.TrimEnd().Split('\n').Select(l => prefix + l));
}
