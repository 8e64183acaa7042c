using System.Globalization;
using CodeRoom.Dispatch;

namespace CodeRoom.Api.Infrastructure;

internal static class ConfigurationSetup
{
    /// <summary>The product's plain environment variables (PORT, JWT_SECRET, REDIS_URL, ...) mapped onto the options
    /// sections, so both `PORT=9000 ./coderoom start` and appsettings/`Jwt__Secret` work.</summary>
    public static void AddCodeRoomEnvironment(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        // `./coderoom start` runs with the repository as content root (for web/out, problems/, data/); the service's
        // own appsettings.json (log levels and the like) sits next to its assembly. Lowest precedence: the content
        // root's files, environment variables and the command line still override it.
        if (!string.Equals(Path.GetFullPath(builder.Environment.ContentRootPath).TrimEnd('/'),
                Path.GetFullPath(AppContext.BaseDirectory).TrimEnd('/'), StringComparison.Ordinal))
        {
            config.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
                Path = "appsettings.json",
                Optional = true,
            });
        }
        config.MapVariables(
            ("JWT_SECRET", "Jwt:Secret"),
            ("JWT_PUBLIC_KEY_PEM", "Jwt:PublicKeyPem"),
            ("JWT_ISSUER", "Jwt:Issuer"),
            ("JWT_AUDIENCE", "Jwt:Audience"),
            ("REDIS_URL", "RateLimit:RedisUrl"),
            ("RATE_LIMIT_PER_MINUTE", "RateLimit:PermitsPerWindow"),
            ("ATTEMPT_RATE_LIMIT_PER_MINUTE", "AttemptLimits:PermitsPerWindow"),
            ("DRAFT_RATE_LIMIT_PER_MINUTE", "DraftLimits:PermitsPerWindow"),
            ("JUDGE_WORKERS", "JudgeQueue:Workers"),
            ("JUDGE_QUEUE_CAPACITY", "JudgeQueue:Capacity"),
            ("JUDGE_WAIT_SECONDS", "JudgeQueue:WaitSeconds"),
            ("RABBITMQ_URL", "RabbitMq:Url"),
            ("WEB_ROOT", "Content:WebRoot"),
            ("EMBED_ORIGINS", "Embed:Origins"),
            ("PROBLEMS_DIR", "Content:ProblemsDirectory"));

        // Bind loopback only unless told otherwise: candidate code runs on this host, the service is meant to sit
        // behind the interview app. ASPNETCORE_URLS, when given, wins.
        if (string.IsNullOrEmpty(config["urls"]))
        {
            var port = int.TryParse(config["PORT"], NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                && p is > 0 and < 65536 ? p : 8080;
            var host = config["BIND_ADDRESS"] is { Length: > 0 } h ? h : "127.0.0.1";
            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}"));
        }
    }

    public static string ResolvePath(string contentRoot, string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }
        return Path.GetFullPath(Path.Combine(FindRepoRoot(contentRoot) ?? contentRoot, path));
    }

    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CodeRoom.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
