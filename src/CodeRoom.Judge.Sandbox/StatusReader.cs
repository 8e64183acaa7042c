using System.Text;
using System.Text.Json;

namespace CodeRoom.Judge.Sandbox;

public sealed partial class BwrapSandbox
{
    /// <summary>Reads bwrap's JSON status lines: first the child pid, at the end the exit code.</summary>
    private sealed class StatusReader(Stream stream) : IAsyncDisposable
    {
        private readonly StreamReader _reader = new(stream, Encoding.UTF8);

        public async Task<int?> ReadChildPidAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                while (await _reader.ReadLineAsync(cts.Token).ConfigureAwait(false) is { } line)
                {
                    using var doc = JsonDocument.Parse(line);
                    if (doc.RootElement.TryGetProperty("child-pid", out var pid))
                    {
                        return pid.GetInt32();
                    }
                }
                return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        public async Task<int?> ReadExitCodeAsync()
        {
            while (await _reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("exit-code", out var code))
                {
                    return code.GetInt32();
                }
            }
            return null;
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
