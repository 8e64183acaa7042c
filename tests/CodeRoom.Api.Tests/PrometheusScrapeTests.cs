using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Api.Tests;

/// <summary>The service on a real loopback port (Kestrel), no scrape token: loopback callers may scrape.</summary>
public sealed class KestrelApiFactory : ApiFactory
{
    protected override bool UseRealPort => true;
}

/// <summary>Alone: the run counter is a process-wide instrument, so no other test may run while this one counts.</summary>
[CollectionDefinition(nameof(PrometheusCollection), DisableParallelization = true)]
public sealed class PrometheusCollection;

/// <summary>A real Prometheus (scripts/start-prometheus.sh) scrapes the service; PromQL returns the runs this test made.</summary>
[Collection(nameof(PrometheusCollection))]
public sealed class PrometheusScrapeTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task Prometheus_scrapes_the_service_and_counts_the_runs_this_test_made()
    {
        var prometheus = TestServers.PrometheusUrl;
        var address = factory.ClientOptions.BaseAddress;
        Assert.True(address.IsLoopback, address.ToString());
        var instance = Guid.NewGuid().ToString("N");
        var targets = Path.Combine(TestServers.PrometheusTargetsDirectory, instance + ".json");
        await File.WriteAllTextAsync(targets, new JsonArray(new JsonObject
        {
            ["targets"] = new JsonArray($"127.0.0.1:{address.Port}"),
            ["labels"] = new JsonObject { ["test_run"] = instance },
        }).ToJsonString(), Ct);
        try
        {
            var client = factory.ClientFor("prom-" + instance);
            var attempt = await client.NewAttemptAsync();
            const int runs = 3;
            for (var i = 0; i < runs; i++)
            {
                await (await client.RunAsync(attempt, "class Solution:\n    def add_two(self, a, b):\n        return a + b\n")).Json200();
            }
            await (await client.SubmitAsync(attempt, "class Solution:\n    def add_two(self, a, b):\n        return a + b\n")).Json200();

            using var http = new HttpClient { BaseAddress = new Uri(prometheus) };
            var query = Uri.EscapeDataString($"sum(coderoom_runs_total{{test_run=\"{instance}\",coderoom_mode=\"run\"}})");
            double? seen = null;
            for (var i = 0; i < 150 && seen != runs; i++)
            {
                var answer = await http.GetFromJsonAsync<JsonObject>($"/api/v1/query?query={query}", Ct);
                var result = answer!["data"]!["result"]!.AsArray();
                seen = result.Count == 0 ? null : double.Parse(result[0]!["value"]![1]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                await Task.Delay(200, Ct);
            }
            Assert.Equal(runs, seen);
        }
        finally
        {
            File.Delete(targets);
        }
    }
}
