using Microsoft.Extensions.Options;

namespace CodeRoom.Dispatch;

/// <summary>A configuration error found at start (a bad URL, an option out of range): the process prints one line
/// naming the variable and exits non-zero, never a stack trace (issue 12).</summary>
public sealed class StartupConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

public static class StartupErrors
{
    /// <summary>The one line to print for a configuration error, or null when <paramref name="e"/> is not one.</summary>
    public static string? Describe(Exception e) => e switch
    {
        StartupConfigurationException s => s.Message,
        OptionsValidationException o => "configuration error: " + string.Join("; ", o.Failures),
        AggregateException { InnerExceptions.Count: > 0 } a when a.InnerExceptions.All(i => Describe(i) is not null) =>
            string.Join("; ", a.InnerExceptions.Select(i => Describe(i))),
        _ => null,
    };

    /// <summary>Checks RABBITMQ_URL's form at start rather than at the first run.</summary>
    public static void CheckRabbitMqUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
        {
            throw new StartupConfigurationException("RABBITMQ_URL must be an amqp:// or amqps:// URL such as amqp://user:pass@host:5672/");
        }
    }
}
