using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>
/// A judge of a test's own, beside the suite's <see cref="JudgeFixture"/>: uids <paramref name="uidOffset"/> above the
/// suite's, a cgroup named after the suite's and <paramref name="name"/>, a compile cache of its own (every compile is
/// real). Disposing stops it and deletes the cache.
/// </summary>
internal sealed class OwnJudge : IAsyncDisposable
{
    private readonly string _cache;
    private readonly IHost _host;

    private readonly bool _ownCache;

    /// <param name="settings">A <c>Judge:CompileCacheRoot</c> given here is shared (another judge filled it) and kept.</param>
    public OwnJudge(string name, int uidOffset, Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _ownCache = !settings.ContainsKey("Judge:CompileCacheRoot");
        _cache = settings.GetValueOrDefault("Judge:CompileCacheRoot") ?? Path.Combine(Path.GetTempPath(), $"coderoom-{name}-test-" + Guid.NewGuid().ToString("N"));
        settings["Judge:CompileCacheRoot"] = _cache;
        _host = JudgeFixture.BuildHost(settings, configuration => new Dictionary<string, string?>
        {
            ["Sandbox:FirstSlotUid"] = (configuration.GetValue<int>("Sandbox:FirstSlotUid") + uidOffset).ToString(CultureInfo.InvariantCulture),
            ["Sandbox:CgroupName"] = configuration["Sandbox:CgroupName"] + "-" + name,
        }, services);
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>The judge's compile cache directory (created by its first store).</summary>
    public string CacheRoot => _cache;

    public JudgeEngine Engine => _host.Services.GetRequiredService<JudgeEngine>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        if (!_ownCache)
        {
            return;
        }
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
        File.Delete(_cache); // a test may have put a file in its place
    }
}
