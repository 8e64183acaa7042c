using CodeRoom.Judge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CodeRoom.Cli;

/// <summary>The judge's services for a command-line run: configuration from appsettings-style environment variables
/// (CODEROOM_Sandbox__Slots=2, CODEROOM_Judge__SubmissionCpuBudgetMs=3000), logging to stderr at warning level.</summary>
internal static class CliHost
{
    public static IHost Build(bool verbose = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables("CODEROOM_");
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Services.AddCodeRoomJudge(builder.Configuration);
        return builder.Build();
    }
}
