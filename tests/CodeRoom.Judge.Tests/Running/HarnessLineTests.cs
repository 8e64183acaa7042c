using System.Text;
using CodeRoom.Judge.Running;

namespace CodeRoom.Judge.Tests.Running;

/// <summary>The control channel's lines come from the candidate's process: the parser is total and bounded.</summary>
public sealed class HarnessLineTests
{
    [Fact]
    public void A_well_formed_result_parses_to_its_value()
    {
        var result = Assert.IsType<HarnessLine.Result>(HarnessLine.Parse("""R 3 {"ok":true,"value":[1,2],"ms":0.5}"""));
        Assert.Equal(3, result.Index);
        Assert.Equal("[1,2]", Assert.IsType<TestReport.Returned>(result.Report).Value!.ToJsonString());
    }

    [Fact]
    public void A_failure_keeps_its_kind_capped_error_line_and_frames()
    {
        var error = new string('x', 10_000);
        var line = $$"""R 0 {"ok":false,"kind":"memory","error":"{{error}}","line":7,"frames":"1f 2a"}""";
        var failed = Assert.IsType<TestReport.Failed>(Assert.IsType<HarnessLine.Result>(HarnessLine.Parse(line)).Report);
        Assert.Equal(TestReport.FailureKind.Memory, failed.Kind);
        Assert.True(failed.Error.Length <= HarnessLine.MaxErrorChars + 20);
        Assert.Equal(7, failed.Line);
        Assert.Equal([0x1fUL, 0x2aUL], failed.Frames);
    }

    [Theory]
    [InlineData("""R 0 {"ok":false,"kind":5,"error":"x"}""")]
    [InlineData("""R 0 {"ok":false,"kind":"runtime","error":{"a":1}}""")]
    [InlineData("""R 0 {"ok":false,"kind":"bogus","error":"x"}""")]
    [InlineData("""R 0 {"ok":false,"kind":"runtime","error":"x","line":"7"}""")]
    [InlineData("""R 0 {"ok":false,"kind":"runtime","error":"x","frames":[1]}""")]
    [InlineData("""R 0 {"ok":"true","value":1}""")]
    [InlineData("""R 0 {"ok":true}""")]
    [InlineData("""R 0 [1]""")]
    [InlineData("""R 0 {"ok":true,"value":1""")]
    [InlineData("""R -1 {"ok":true,"value":1}""")]
    [InlineData("""R 99999999999 {"ok":true,"value":1}""")]
    [InlineData("S 0")]
    [InlineData("H 0")]
    [InlineData("""C {"error":7}""")]
    [InlineData("")]
    [InlineData("\0\0\0")]
    public void A_malformed_or_forged_line_is_rejected_not_thrown(string line) => Assert.Null(HarnessLine.Parse(line));

    [Fact]
    public void A_value_nested_deeper_than_any_contract_type_is_rejected() =>
        Assert.Null(HarnessLine.Parse("R 0 {\"ok\":true,\"value\":" + new string('[', 10_000) + new string(']', 10_000) + "}"));

    [Fact]
    public void Error_text_loses_control_characters_and_markers()
    {
        var line = "R 0 {\"ok\":false,\"kind\":\"runtime\",\"error\":\"a\\u0000b\\u001ec\\u001b[31md\\ne\"}";
        var failed = Assert.IsType<TestReport.Failed>(Assert.IsType<HarnessLine.Result>(HarnessLine.Parse(line)).Report);
        Assert.Equal("abc[31md\ne", failed.Error);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(11);
        var alphabet = "RCTH 0123{}[]\",:truefalsnulokvaluekind\\\t\u0000é";
        for (var n = 0; n < 20_000; n++)
        {
            var sb = new StringBuilder();
            sb.Append("RCTH"[random.Next(4)]).Append(' ');
            var length = random.Next(40);
            for (var i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }
            _ = HarnessLine.Parse(sb.ToString());
        }
    }
}
