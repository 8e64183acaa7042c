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

    /// <summary>The one line for a database that could not be reached or opened at start (a server not up yet, a wrong
    /// host, an unwritable SQLite file), or null when <paramref name="e"/> is something else. Not a configuration error:
    /// the process exits 1, so a service manager starts it again.</summary>
    public static string? DescribeDatabaseFailure(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is System.Data.Common.DbException db)
            {
                var cause = db.InnerException is { } inner && inner.Message != db.Message ? $" ({inner.Message})" : "";
                return $"the database (DATABASE_URL) cannot be used: {db.Message.TrimEnd('.')}{cause}";
            }
        }
        return null;
    }

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
