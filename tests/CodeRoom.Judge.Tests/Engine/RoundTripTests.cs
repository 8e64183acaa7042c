using System.Text.Json.Nodes;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>
/// Every type of the contract goes into the sandbox and comes back unchanged, in every language: an identity
/// function written into the generated starter code (so the starter code is checked to compile and run too).
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class RoundTripTests(JudgeFixture fixture)
{
    private static readonly Dictionary<string, string[]> Values = new()
    {
        ["integer"] = ["0", "-2147483648", "2147483647"],
        ["long"] = ["9007199254740993", "-9223372036854775808", "9223372036854775807"],
        ["double"] = ["0.1", "-1e-300", "1.7976931348623157e308", "3.0", "-2.5"],
        ["boolean"] = ["true", "false"],
        ["string"] = ["\"\"", "\"h\\u00e9llo \\\"quoted\\\" \\\\ back\\nslash\\t\"", "\"\\u65e5\\u672c \\ud83c\\udf89\""],
        ["character"] = ["\"a\"", "\"\\\"\"", "\"\\\\\"", "\" \""],
        ["integer[]"] = ["[]", "[1,-2,3]"],
        ["long[]"] = ["[1,9007199254740993,-9223372036854775808]"],
        ["double[]"] = ["[1.5,-0.25,1e-9]"],
        ["boolean[]"] = ["[true,false,true]"],
        ["string[]"] = ["[\"a\",\"\",\"b c\"]"],
        ["character[]"] = ["[\"x\",\"y\"]"],
        ["integer[][]"] = ["[]", "[[1],[2,3],[]]"],
        ["character[][]"] = ["[[\"1\",\"0\"],[\"0\",\"1\"]]"],
        ["list<integer>"] = ["[1,2,3]"],
        ["list<string>"] = ["[\"one\",\"two\"]"],
        ["list<list<integer>>"] = ["[[1,2],[],[3]]"],
        ["list<list<string>>"] = ["[[\"x\"],[]]"],
        ["ListNode"] = ["[]", "[1,2,3]"],
        ["TreeNode"] = ["[]", "[1,null,2,3]", "[5,4,8,11,null,13,4,7,2,null,null,null,1]"],
    };

    public static TheoryData<string, LanguageId> Cases()
    {
        var data = new TheoryData<string, LanguageId>();
        foreach (var type in Values.Keys)
        {
            foreach (var language in LanguageIds.All)
            {
                data.Add(type, language);
            }
        }
        return data;
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Cases))]
    public async Task A_value_of_every_type_round_trips_through_the_harness(string type, LanguageId language)
    {
        var tests = string.Join(",", Values[type].Select((v, i) =>
            $$"""{ "visibility": "{{(i == 0 ? "public" : "hidden")}}", "input": { "x": {{v}} }, "expected": {{v}} }"""));
        var problem = JudgeFixture.Problem($$"""
            { "slug": "echo", "title": "Echo",
              "signature": { "function_name": "echo", "params": [ { "name": "x", "type": "{{type}}" } ], "return_type": "{{type}}" },
              "tests": [ {{tests}} ] }
            """);
        var code = Identity(fixture.Engine.StarterCode(problem.Signature, language), language);
        var result = await fixture.JudgeAsync(problem, language, code);
        Assert.True(result.Verdict == Verdict.Accepted,
            $"{type} in {language}: {result.Verdict} {result.Compile?.Output}\n" + string.Join("\n", result.Tests.Select(t =>
                $"{t.Verdict}: expected {t.Expected?.ToJsonString()} got {t.Actual?.ToJsonString()} {t.Error}")));
        for (var i = 0; i < result.Tests.Count; i++)
        {
            // Exactly equal as JSON values (numbers by value: 3.0 and 3 are the same double).
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Values[type][i]), result.Tests[i].Actual)
                || type.Contains("double", StringComparison.Ordinal), $"{type}: {result.Tests[i].Actual?.ToJsonString()}");
        }
    }

    /// <summary>Fills the starter code's empty body with "return x".</summary>
    private static string Identity(string starter, LanguageId language)
    {
        var lines = starter.Split('\n').ToList();
        var body = language == LanguageId.Python
            ? lines.FindLastIndex(l => l.Trim() is "pass" or "")
            : lines.FindIndex(l => l.Trim().Length == 0 && lines.IndexOf(l) > lines.FindIndex(x => x.Contains("echo(", StringComparison.Ordinal)));
        Assert.True(body >= 0, "no empty body in the starter code:\n" + starter);
        var indent = language == LanguageId.Python ? "        " : "        ";
        lines[body] = indent + (language == LanguageId.Python ? "return x" : "return x;");
        return string.Join('\n', lines);
    }
}
