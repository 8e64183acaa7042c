using System.CommandLine;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRoom.Cli;

/// <summary>`coderoom doctor`: says whether this host can run the sandbox and the toolchains, and how to fix it.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Check this host: bubblewrap, user namespaces, cgroups, seccomp, toolchains");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var options = host.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;
            var checks = new List<HostCheck>(await HostDiagnostics.RunAsync(options, cancellationToken));
            foreach (var toolchain in host.Services.GetServices<ILanguageToolchain>())
            {
                // The language's toolchain on this host includes the server-side formatter (Rust's rustfmt, issue 15) and
                // what the live check needs (Python's mypy).
                IEnumerable<string> files = [.. toolchain.RequiredFiles, .. toolchain.CheckRequiredFiles];
                foreach (var file in toolchain.Format() is { } formatter ? [.. files, formatter.Executable] : files)
                {
                    var exists = File.Exists(file);
                    checks.Add(new HostCheck($"{toolchain.Id} toolchain", exists, exists ? file : $"{file} not found",
                        toolchain.Id switch
                        {
                            LanguageId.TypeScript => "./coderoom start (installs the pinned TypeScript compiler from src/CodeRoom.Judge/Languages/TypeScript)",
                            // C# uses the SDK the project itself builds with: its Roslyn, reference assemblies and runtime.
                            LanguageId.CSharp => "install the .NET 10 SDK into /usr/share/dotnet (README: Quick start; the judge mounts that folder read-only)",
                            LanguageId.Go => "./coderoom start (adds Debian's bookworm-backports and installs golang-1.23-go)",
                            _ => "apt-get install -y python3.11 python3-mypy openjdk-17-jdk-headless clang-19 llvm-19 libclang-rt-19-dev binutils nodejs rustc-web rustfmt-web",
                        }));
                }
            }
            foreach (var check in checks)
            {
                Console.WriteLine($"{(check.Ok ? "ok  " : "FAIL")}  {check.Name}: {check.Detail}");
                if (!check.Ok && check.Fix is { } fix)
                {
                    Console.WriteLine($"      fix: {fix}");
                }
            }
            var failed = checks.Count(c => !c.Ok);
            Console.WriteLine(failed == 0 ? "healthy: this host can run CodeRoom's sandbox" : $"{failed} problem(s) found: no code will run until they are fixed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
