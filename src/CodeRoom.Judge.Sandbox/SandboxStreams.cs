using System.Buffers;
using System.Text;
using System.Threading.Channels;

namespace CodeRoom.Judge.Sandbox;

public sealed partial class BwrapSandbox
{
    /// <summary>Writes the initial input, then (for an interactive run) whatever the caller sends, until the caller
    /// closes the input or the run ends.</summary>
    private static async Task WriteStdinAsync(Stream stream, ReadOnlyMemory<byte> data, ChannelReader<ReadOnlyMemory<byte>>? more)
    {
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                if (!data.IsEmpty)
                {
                    await stream.WriteAsync(data, CancellationToken.None).ConfigureAwait(false);
                    await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
                if (more is not null)
                {
                    await foreach (var chunk in more.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        await stream.WriteAsync(chunk, CancellationToken.None).ConfigureAwait(false);
                        await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
            catch (IOException)
            {
                // The program exited (or was killed) without reading all of its input.
            }
        }
    }

    private static async Task<(byte[] Bytes, bool Truncated)> DrainAsync(Stream stream, int cap, Action onOverflow)
    {
        var result = await ReadAllCappedAsync(stream, cap).ConfigureAwait(false);
        if (result.Truncated)
        {
            onOverflow();
        }
        return result;
    }

    private static async Task<(byte[] Bytes, bool Truncated)> ReadAllCappedAsync(Stream stream, int cap)
    {
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new ArrayBufferWriter<byte>();
            var chunk = ArrayPool<byte>.Shared.Rent(16384);
            try
            {
                while (true)
                {
                    var n = await stream.ReadAsync(chunk, CancellationToken.None).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return (buffer.WrittenSpan.ToArray(), false);
                    }
                    var room = cap - buffer.WrittenCount;
                    if (n > room)
                    {
                        // Stop reading: the flood is cut here, not buffered (the supervisor's memory stays bounded).
                        buffer.Write(chunk.AsSpan(0, Math.Max(room, 0)));
                        return (buffer.WrittenSpan.ToArray(), true);
                    }
                    buffer.Write(chunk.AsSpan(0, n));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    private static async Task ReadControlAsync(Stream stream, int cap, SandboxProcess process, Action onOverflow)
    {
        await using (stream.ConfigureAwait(false))
        {
            var line = new ArrayBufferWriter<byte>();
            var chunk = ArrayPool<byte>.Shared.Rent(65536);
            var total = 0L;
            try
            {
                while (true)
                {
                    var n = await stream.ReadAsync(chunk, CancellationToken.None).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return;
                    }
                    total += n;
                    if (total > cap)
                    {
                        onOverflow();
                        return;
                    }
                    var span = chunk.AsSpan(0, n);
                    while (true)
                    {
                        var nl = span.IndexOf((byte)'\n');
                        if (line.WrittenCount + (nl < 0 ? span.Length : nl) > process.ControlLineBytes)
                        {
                            // Never buffered or handed on: the caller does not parse more than it allowed.
                            process.ControlLineTooLong = true;
                            onOverflow();
                            return;
                        }
                        if (nl < 0)
                        {
                            line.Write(span);
                            break;
                        }
                        line.Write(span[..nl]);
                        // Lines before the run started have no reader: a prepared program says nothing until fed.
                        process.OnControlLine?.Invoke(Encoding.UTF8.GetString(line.WrittenSpan), process.Monitor);
                        line.ResetWrittenCount();
                        span = span[(nl + 1)..];
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }
}
