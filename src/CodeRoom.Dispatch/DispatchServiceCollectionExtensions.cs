using CodeRoom.Dispatch.InProcess;
using CodeRoom.Dispatch.RabbitMq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRoom.Dispatch;

public static class DispatchServiceCollectionExtensions
{
    /// <summary>Options (JudgeQueue, RabbitMq), the waiters and the job processor: what every mode shares.</summary>
    public static IServiceCollection AddJudgeDispatchCore(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<JudgeQueueOptions>, JudgeQueueOptionsValidator>();
        services.AddOptions<JudgeQueueOptions>().BindConfiguration(JudgeQueueOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>, RabbitMqOptionsValidator>();
        services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section).ValidateOnStart();
        services.AddSingleton<JudgeCompletions>();
        services.AddSingleton<JudgeJobProcessor>();
        return services;
    }

    /// <summary>The embedded default: jobs judged by workers in this process.</summary>
    public static IServiceCollection AddInProcessJudging(this IServiceCollection services)
    {
        services.AddSingleton<IJudgeCompletionNotifier, LocalCompletionNotifier>();
        services.AddSingleton<IReferenceVerifier, LocalReferenceVerifier>();
        services.AddSingleton<IEditorTools, LocalEditorTools>();
        services.AddSingleton<InProcessJudgeQueue>();
        services.AddSingleton<IJudgeDispatcher>(sp => sp.GetRequiredService<InProcessJudgeQueue>());
        services.AddSingleton<InProcessJudgeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InProcessJudgeWorker>());
        return services;
    }

    /// <summary>An Api instance of the fleet: publishes jobs with confirms and hears of finished ones.</summary>
    public static IServiceCollection AddRabbitMqPublishing(this IServiceCollection services)
    {
        services.AddSingleton<RabbitMqConnection>();
        services.AddSingleton<ProblemRevisionStore>();
        services.AddSingleton<RabbitMqJudgeDispatcher>();
        services.AddSingleton<IJudgeDispatcher>(sp => sp.GetRequiredService<RabbitMqJudgeDispatcher>());
        services.AddSingleton<IJudgeCompletionNotifier, LocalCompletionNotifier>();
        services.AddHostedService<RabbitMqCompletionListener>();
        services.AddSingleton<RabbitMqRpc>();
        services.AddSingleton<RabbitMqReferenceVerifier>();
        services.AddSingleton<IReferenceVerifier>(sp => sp.GetRequiredService<RabbitMqReferenceVerifier>());
        services.AddSingleton<IEditorTools, RabbitMqEditorTools>();
        return services;
    }

    /// <summary>A runner: consumes jobs (and the dead letters), announces finished ones.</summary>
    public static IServiceCollection AddRabbitMqRunner(this IServiceCollection services)
    {
        services.AddSingleton<RabbitMqConnection>();
        services.AddSingleton<ProblemRevisionStore>();
        services.AddSingleton<IJudgeCompletionNotifier, RabbitMqCompletionNotifier>();
        services.AddSingleton<RabbitMqJudgeConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<RabbitMqJudgeConsumer>());
        services.AddHostedService<RabbitMqDeadLetterConsumer>();
        services.AddSingleton<LocalReferenceVerifier>();
        services.AddHostedService<RabbitMqVerifyConsumer>();
        services.AddSingleton<LocalEditorTools>();
        services.AddHostedService<RabbitMqEditorConsumer>();
        return services;
    }
}
