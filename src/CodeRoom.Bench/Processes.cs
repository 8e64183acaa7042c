using System.Diagnostics;

namespace CodeRoom.Bench;

internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, double WallMs);

internal static class Processes
{
    /// <summary>Runs one command to completion with a hard time bound; stdout and stderr are drained concurrently so a
    /// chatty compiler cannot block on a full pipe.</summary>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyList<string> command, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        // A program built in the folder (./main) is named relative to it, not to our own current directory.
        var program = command[0].StartsWith("./", StringComparison.Ordinal) ? Path.Combine(workingDirectory, command[0][2..]) : command[0];
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command[0]}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
            throw new TimeoutException($"{string.Join(' ', command)} did not finish within {timeout.TotalSeconds:0} s");
        }
        var wall = watch.Elapsed.TotalMilliseconds;
        return new ProcessResult(process.ExitCode, await stdout, await stderr, wall);
    }

    /// <summary>Runs the commands in order (compile, then run) and returns the total wall time; any failure is fatal,
    /// since a broken bare baseline would make every ratio meaningless.</summary>
    public static async Task<(double WallMs, string LastStdout)> RunChainAsync(string workingDirectory,
        IReadOnlyList<IReadOnlyList<string>> commands, CancellationToken cancellationToken)
    {
        double total = 0;
        var last = "";
        foreach (var command in commands)
        {
            var result = await RunAsync(workingDirectory, command, TimeSpan.FromSeconds(120), cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"`{string.Join(' ', command)}` exited with {result.ExitCode}: {result.Stderr.Trim()}");
            }
            total += result.WallMs;
            last = result.Stdout;
        }
        return (total, last);
    }
}
