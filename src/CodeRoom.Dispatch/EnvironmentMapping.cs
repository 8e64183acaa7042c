using Microsoft.Extensions.Configuration;

namespace CodeRoom.Dispatch;

/// <summary>The product's plain environment variables (RABBITMQ_URL, JUDGE_WORKERS, ...) onto options keys, shared by
/// the Api and the runner so that one variable means the same in both.</summary>
public static class EnvironmentMapping
{
    public static void MapVariables(this IConfigurationManager config, params (string Variable, string Key)[] pairs)
    {
        var map = new Dictionary<string, string?>();
        foreach (var (variable, key) in pairs)
        {
            if (config[variable] is { Length: > 0 } value)
            {
                map[key] = value;
            }
        }
        if (map.Count > 0)
        {
            config.AddInMemoryCollection(map);
        }
    }
}
