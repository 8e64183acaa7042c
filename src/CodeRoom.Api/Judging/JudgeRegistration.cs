using CodeRoom.Dispatch;
using CodeRoom.Dispatch.InProcess;
using CodeRoom.Dispatch.RabbitMq;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Api.Judging;

internal static class JudgeRegistration
{
    /// <summary>Without RABBITMQ_URL: the judge engine, its warm-up and the in-process queue and workers, all in this
    /// process (root, for the sandbox). With it: jobs go to the runner fleet and this process judges nothing (no engine,
    /// no sandbox, no warm-up); issue 12.</summary>
    public static void AddJudge(this IServiceCollection services, IConfiguration configuration, bool fleet)
    {
        // The toolchains' starter code (pure text) is needed either way; registering the engine builds nothing yet.
        services.AddCodeRoomJudge(configuration);
        services.AddJudgeDispatchCore();
        if (fleet)
        {
            services.AddSingleton<ICodeJudge, FleetModeJudge>();
            services.AddRabbitMqPublishing();
        }
        else
        {
            services.AddSingleton<ICodeJudge, JudgeEngineAdapter>();
            services.AddHostedService<JudgeWarmUpService>();
            services.AddInProcessJudging();
        }
        services.AddSingleton(sp => new OrphanedJobSweeper(sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<CodeRoom.Storage.Problems.ProblemStore>(), sp.GetService<InProcessJudgeQueue>(),
            sp.GetService<RabbitMqJudgeDispatcher>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<JudgeQueueOptions>>(),
            sp.GetRequiredService<ILogger<OrphanedJobSweeper>>()));
        services.AddHostedService(sp => sp.GetRequiredService<OrphanedJobSweeper>());
    }
}

/// <summary>The Api in fleet mode: starter code from the toolchains' generators; judging belongs to the runners.</summary>
internal sealed class FleetModeJudge(IEnumerable<ILanguageToolchain> toolchains) : ICodeJudge
{
    public Task<JudgeResult> JudgeAsync(Problem problem, LanguageId language, string code, JudgeMode mode,
        IReadOnlyList<TestCase>? tests, CancellationToken cancellationToken) =>
        throw new SandboxUnavailableException("this instance judges nothing (RABBITMQ_URL is set): jobs and reference-solution " +
            "checks go to the runners");

    public string StarterCode(Signature signature, LanguageId language) =>
        toolchains.First(t => t.Id == language).StarterCode(signature);
}
