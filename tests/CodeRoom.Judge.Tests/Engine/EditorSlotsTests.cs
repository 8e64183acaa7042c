using CodeRoom.Judge.Checking;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Formatting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>The editor's server helpers (live check, Rust's Format) share one cap on the sandboxes they hold (issue 15).</summary>
[Collection(nameof(JudgeCollection))]
public sealed class EditorSlotsTests(JudgeFixture fixture)
{
    [Fact(Timeout = 60_000)]
    public async Task Checks_and_formats_draw_on_one_cap_so_together_they_never_hold_more_than_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var slots = fixture.Services.GetRequiredService<EditorSlots>();
        var max = fixture.Services.GetRequiredService<IOptions<JudgeOptions>>().Value.MaxConcurrentChecks;
        // Every slot held (as checks in flight would hold them): a format must not take a sandbox beyond the cap.
        var held = new List<IDisposable>();
        try
        {
            for (var i = 0; i < max; i++)
            {
                held.Add(Assert.IsAssignableFrom<IDisposable>(await slots.TryEnterAsync(TimeSpan.FromSeconds(30), ct)));
            }
            var format = await fixture.Services.GetRequiredService<CodeFormatter>().FormatAsync(LanguageId.Rust, "fn main(){}\n", ct);
            Assert.Null(format!.Formatted);
            Assert.Contains("busy", format.Message, StringComparison.Ordinal);
            var check = await fixture.Services.GetRequiredService<CodeChecker>().CheckAsync(Problems.TwoSum.Signature, LanguageId.Cpp, "int x;\n", ct);
            Assert.False(check!.Complete);
            Assert.Contains("busy", check.Message, StringComparison.Ordinal);
        }
        finally
        {
            held.ForEach(h => h.Dispose());
        }

        // Released, the slots serve again, and a finished format gives its slot back.
        var formatted = await fixture.Services.GetRequiredService<CodeFormatter>().FormatAsync(LanguageId.Rust, "fn main(){}\n", ct);
        Assert.Equal("fn main() {}\n", formatted!.Formatted);
        Assert.Equal(max, slots.Free);
    }
}
