using System.Text.Json;
using CodeRoom.Judge.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>The real judge: real sandbox, real toolchains, wired exactly as the service wires it.</summary>
public sealed class JudgeFixture : IDisposable
{
    private readonly IHost _host;
    private readonly string _cacheRoot = Path.Combine(Path.GetTempPath(), "coderoom-judge-test-cache-" + Guid.NewGuid().ToString("N"));

    public JudgeFixture()
    {
        _host = BuildHost(new Dictionary<string, string?>
        {
            // A cache of our own, so that every run of the suite really compiles (the host's cache may be warm).
            ["Judge:CompileCacheRoot"] = _cacheRoot,
        });
        Engine = _host.Services.GetRequiredService<JudgeEngine>();
    }

    /// <summary>
    /// The judge wired as the service wires it, with the suite's sandbox settings, then CODEROOM_ environment
    /// overrides (another run of the suite on the same host, from a second work tree, sets its own uids, cgroup and
    /// roots: CODEROOM_Sandbox__FirstSlotUid=67000 CODEROOM_Sandbox__CgroupName=coderoom-wt), then
    /// <paramref name="settings"/>, which may derive from the configuration so far (a second judge in the same run
    /// takes uids and a cgroup next to the suite's own).
    /// </summary>
    internal static IHost BuildHost(IReadOnlyDictionary<string, string?> settings, Func<IConfiguration, IReadOnlyDictionary<string, string?>>? derived = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:BoxRoot"] = Path.Combine(Path.GetTempPath(), "coderoom-judge-test-boxes"),
            ["Sandbox:CgroupName"] = "coderoom-judge-tests",
            ["Sandbox:FirstSlotUid"] = "63000",
            ["Sandbox:Slots"] = "2",
        });
        builder.Configuration.AddEnvironmentVariables("CODEROOM_");
        builder.Configuration.AddInMemoryCollection(settings);
        if (derived is not null)
        {
            builder.Configuration.AddInMemoryCollection(derived(builder.Configuration));
        }
        builder.Services.AddCodeRoomJudge(builder.Configuration);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public JudgeEngine Engine { get; }

    public IServiceProvider Services => _host.Services;

    public Task<JudgeResult> JudgeAsync(Problem problem, LanguageId language, string code, JudgeMode mode = JudgeMode.Submit) =>
        Engine.JudgeAsync(new JudgeRequest(problem, language, code, mode), TestContext.Current.CancellationToken);

    public static Problem Problem(string json)
    {
        var definition = JsonSerializer.Deserialize<ProblemDefinition>(json, ContractJson.Options);
        var (problem, errors) = ProblemValidator.Validate(definition);
        Assert.True(problem is not null, string.Join("\n", errors));
        return problem!;
    }

    public void Dispose()
    {
        _host.Dispose();
        if (Directory.Exists(_cacheRoot))
        {
            Directory.Delete(_cacheRoot, recursive: true);
        }
    }
}

[CollectionDefinition(nameof(JudgeCollection))]
public sealed class JudgeCollection : ICollectionFixture<JudgeFixture>;
