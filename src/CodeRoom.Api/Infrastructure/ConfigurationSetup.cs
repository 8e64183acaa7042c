using System.Globalization;

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
        var map = new Dictionary<string, string?>();
        void Map(string variable, string key)
        {
            if (config[variable] is { Length: > 0 } value)
            {
                map[key] = value;
            }
        }
        Map("JWT_SECRET", "Jwt:Secret");
        Map("JWT_PUBLIC_KEY_PEM", "Jwt:PublicKeyPem");
        Map("JWT_ISSUER", "Jwt:Issuer");
        Map("JWT_AUDIENCE", "Jwt:Audience");
        Map("REDIS_URL", "RateLimit:RedisUrl");
        Map("RATE_LIMIT_PER_MINUTE", "RateLimit:PermitsPerWindow");
        Map("JUDGE_WORKERS", "JudgeQueue:Workers");
        Map("JUDGE_QUEUE_CAPACITY", "JudgeQueue:Capacity");
        Map("JUDGE_WAIT_SECONDS", "JudgeQueue:WaitSeconds");
        Map("RABBITMQ_URL", "RabbitMq:Url");
        Map("WEB_ROOT", "Content:WebRoot");
        Map("PROBLEMS_DIR", "Content:ProblemsDirectory");
        if (map.Count > 0)
        {
            config.AddInMemoryCollection(map);
        }

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
