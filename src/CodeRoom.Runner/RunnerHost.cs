using CodeRoom.Dispatch;
using CodeRoom.Dispatch.RabbitMq;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;
using CodeRoom.Storage;
using CodeRoom.Storage.Problems;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Runner;

/// <summary>`./coderoom runner`: a Generic Host with no HTTP port. RABBITMQ_URL (required), DATABASE_URL (PostgreSQL in
/// a fleet; SQLite at data/coderoom.db when unset, for one host), RUNNER_ID (optional), JUDGE_WORKERS.</summary>
internal static partial class RunnerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        var config = builder.Configuration;
        config.MapVariables(("RABBITMQ_URL", "RabbitMq:Url"), ("RUNNER_ID", "Runner:Id"), ("JUDGE_WORKERS", "JudgeQueue:Workers"));

        RunnerIdentity identity;
        try
        {
            if (string.IsNullOrWhiteSpace(config["RabbitMq:Url"]))
            {
                throw new RunnerConfigurationException("RABBITMQ_URL is not set: a runner takes its jobs from RabbitMQ (see docs/deploy.md)");
            }
            if (!Uri.TryCreate(config["RabbitMq:Url"], UriKind.Absolute, out var url) || url.Scheme is not ("amqp" or "amqps"))
            {
                throw new RunnerConfigurationException("RABBITMQ_URL must be an amqp:// or amqps:// URL");
            }
            identity = RunnerIdentity.Acquire(config);
        }
        catch (RunnerConfigurationException e)
        {
            await Console.Error.WriteLineAsync("coderoom-runner: " + e.Message);
            return 2;
        }
        using (identity)
        {
            config.AddInMemoryCollection(identity.Overrides());
            var sqlitePath = Path.GetFullPath(config["Content:SqlitePath"] is { Length: > 0 } p ? p : "data/coderoom.db");
            DatabaseSettings database;
            try
            {
                database = DatabaseSettings.FromUrl(config["DATABASE_URL"], sqlitePath);
            }
            catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException)
            {
                await Console.Error.WriteLineAsync("coderoom-runner: DATABASE_URL is not a valid database URL: " + e.Message);
                return 2;
            }
            var services = builder.Services;
            services.AddSingleton(TimeProvider.System);
            services.AddCodeRoomStorage(database);
            services.AddSingleton<ProblemStore>();
            services.AddCodeRoomJudge(config);
            services.AddSingleton<JudgeEngineAdapter>();
            services.AddSingleton<ICodeJudge>(sp => config["Runner:TestCrashMarker"] is { Length: > 0 } marker
                ? new CrashOnMarkerJudge(sp.GetRequiredService<JudgeEngineAdapter>(), marker)
                : sp.GetRequiredService<JudgeEngineAdapter>());
            services.AddJudgeDispatchCore();
            services.AddRabbitMqRunner();
            services.AddHostedService<RunnerStartup>();
            services.AddSingleton(identity);
            services.AddHostedService<RunnerHeartbeat>();
            RunnerTelemetry.Add(services, config, identity.Id);
            services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

            using var host = builder.Build();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CodeRoom.Runner");
            try
            {
                // Before any job: what a killed predecessor with this id left (processes, cgroups, boxes).
                var report = await StaleRunCleanup.CleanAsync(identity.Sandbox, CancellationToken.None);
                LogIdentity(logger, identity.Id, identity.Sandbox.FirstSlotUid, identity.Sandbox.CgroupName, identity.Sandbox.BoxRoot,
                    report.ProcessesKilled, report.CgroupsRemoved, report.BoxesRemoved);
                await host.RunAsync();
                return 0;
            }
            catch (OptionsValidationException e)
            {
                await Console.Error.WriteLineAsync("coderoom-runner: configuration error: " + string.Join("; ", e.Failures));
                return 2;
            }
            catch (SandboxUnavailableException e)
            {
                await Console.Error.WriteLineAsync("coderoom-runner: the sandbox is unavailable: " + e.Message);
                return 3;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Runner {RunnerId}: uids from {FirstUid}, cgroup {Cgroup}, boxes in {BoxRoot}; " +
        "cleaned up {Processes} processes, {Cgroups} cgroups and {Boxes} boxes left by a predecessor")]
    private static partial void LogIdentity(ILogger logger, int runnerId, int firstUid, string cgroup, string boxRoot,
        int processes, int cgroups, int boxes);
}

/// <summary>Checks the sandbox at start (root, bwrap, cgroups: a broken host fails now, not on the first job) and warms
/// the toolchains when Judge:WarmUpAtStart is set.</summary>
internal sealed partial class RunnerStartup(IServiceProvider services, IOptions<JudgeOptions> options, ILogger<RunnerStartup> logger)
    : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ICodeJudge>(); // JudgeEngineAdapter's constructor checks the sandbox
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpAtStart)
        {
            return;
        }
        try
        {
            await services.GetRequiredService<JudgeWarmUp>().WarmUpAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWarmUpFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The judge's warm-up failed; the first runs will be slower")]
    private partial void LogWarmUpFailed(Exception exception);
}

/// <summary>See <see cref="RunnerOptions.TestCrashMarker"/>.</summary>
internal sealed class CrashOnMarkerJudge(ICodeJudge inner, string marker) : ICodeJudge
{
    public Task<JudgeResult> JudgeAsync(Problem problem, LanguageId language, string code, JudgeMode mode,
        IReadOnlyList<TestCase>? tests, CancellationToken cancellationToken)
    {
        if (code.Contains(marker, StringComparison.Ordinal))
        {
            Environment.FailFast("test hook: this job crashes its runner (Runner:TestCrashMarker)");
        }
        return inner.JudgeAsync(problem, language, code, mode, tests, cancellationToken);
    }

    public string StarterCode(Signature signature, LanguageId language) => inner.StarterCode(signature, language);
}
