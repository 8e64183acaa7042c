using CodeRoom.Judge.Running;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>The judge's side of C++ crash locations: the T line and the symbolizer's answer are parsed as untrusted
/// data.</summary>
public sealed class CrashLocatorTests
{
    [Fact]
    public void A_trace_line_parses_its_index_and_hex_offsets()
    {
        var trace = Assert.IsType<HarnessLine.Trace>(HarnessLine.Parse("T 2 70bd 218e 2192"));
        Assert.Equal(2, trace.Index);
        Assert.Equal([0x70bdUL, 0x218eUL, 0x2192UL], trace.Offsets);
        Assert.Empty(Assert.IsType<HarnessLine.Trace>(HarnessLine.Parse("T 0")).Offsets);
    }

    [Theory]
    [InlineData("T x 12")]
    [InlineData("T 1 12 zz")]
    [InlineData("T 1 12345678901234567")]
    [InlineData("T -1 12")]
    public void A_malformed_trace_line_is_ignored(string line) => Assert.Null(HarnessLine.Parse(line));

    [Fact]
    public void A_trace_longer_than_the_harness_sends_is_ignored() =>
        Assert.Null(HarnessLine.Parse("T 1" + string.Concat(Enumerable.Repeat(" 1f", HarnessLine.MaxOffsets + 1))));

    [Fact]
    public void The_line_is_the_innermost_frame_in_the_candidates_file_inlined_frames_included()
    {
        // llvm-symbolizer --output-style=JSON --inlining: vector::at inlined into the candidate's function, then the
        // harness's call site; a second address only in the harness; a third in nothing known.
        const string output = """
            [{"Address":"0x21db","ModuleName":"/box/main","Symbol":[{"FileName":"/usr/include/c++/12/bits/stl_vector.h","Line":1153},{"FileName":"/usr/include/c++/12/bits/stl_vector.h","Line":1175},{"FileName":"/box/solution.cpp","Line":6},{"FileName":"/box/judge_call.cpp","Line":7}]},{"Address":"0x2089","ModuleName":"/box/main","Symbol":[{"FileName":"/box/harness.hpp","Line":212}]}]
            {"Address":"0x10","ModuleName":"/box/main","Symbol":[{"FileName":"??","Line":0}]}
            not json
            """;
        var lines = CrashLocator.Parse(output, "solution.cpp");
        Assert.Equal(new Dictionary<ulong, int> { [0x21db] = 6 }, lines);
        Assert.Equal(6, CrashLocator.LineOf([0x2996, 0x21db, 0x2089], lines));
        Assert.Null(CrashLocator.LineOf([0x2089], lines));
        Assert.Null(CrashLocator.LineOf(null, lines));
    }
}
