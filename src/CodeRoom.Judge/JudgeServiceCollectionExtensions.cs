using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

public static class JudgeServiceCollectionExtensions
{
    /// <summary>Registers the sandbox, the language toolchains and the judge engine, with options bound from the
    /// "Sandbox" and "Judge" sections and validated at start.</summary>
    public static IServiceCollection AddCodeRoomJudge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        services.AddOptions<JudgeOptions>().Bind(configuration.GetSection(JudgeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JudgeOptions>, JudgeOptionsValidator>();
        services.AddSingleton(sp => new BwrapSandbox(
            sp.GetRequiredService<IOptions<SandboxOptions>>().Value,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<BwrapSandbox>>()));
        services.AddSingleton<ISandbox>(sp => sp.GetRequiredService<BwrapSandbox>());
        foreach (var toolchain in LanguageToolchains.All)
        {
            services.AddSingleton(typeof(ILanguageToolchain), toolchain);
        }
        services.AddSingleton<CompileCache>();
        services.AddSingleton<ResidentFiles>();
        services.AddSingleton<PrebuiltArtifacts>();
        services.AddSingleton<WarmSandboxPool>();
        services.AddSingleton<CompileServers>();
        services.AddSingleton<CompileSandboxPool>();
        services.AddSingleton<JudgeEngine>();
        services.AddSingleton<Checking.EditorSlots>();
        services.AddSingleton<Checking.CodeChecker>();
        services.AddSingleton<Formatting.CodeFormatter>();
        services.AddSingleton<JudgeWarmUp>();
        return services;
    }
}

[OptionsValidator]
public sealed partial class SandboxOptionsValidator : IValidateOptions<SandboxOptions>;
