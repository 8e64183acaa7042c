using System.Globalization;

namespace CodeRoom.Judge.Languages.JavaScript;

/// <summary>
/// Node.js as JavaScript and TypeScript run it: Debian's node 20 with the static harness.js, which loads the
/// candidate's (or tsc's) JavaScript as a classic script in its own realm.
/// </summary>
internal static class NodeRuntime
{
    public const string Node = "/usr/bin/node";

    public static readonly Lazy<string> Harness = new(() => EmbeddedSource.Read("JavaScript.harness.js"));

    /// <summary>
    /// The run command for a memory limit.
    /// --max-old-space-size at the limit: the cgroup, not V8, is the authority on memory, so a program that holds too
    /// much ends as memory_limit_exceeded as in the other languages (V8's own heap limit would abort with SIGABRT).
    /// --stack-size: V8's JS stack (in KB) on the main thread, whose RLIMIT_STACK the sandbox sets to the memory limit;
    /// a quarter of the limit gives depth 100,000 with room, and runaway recursion a RangeError (runtime error) before
    /// its stack pages reach the limit.
    /// --random-seed: Math.random repeats from run to run (the judge is deterministic).
    /// --v8-pool-size=1, UV_THREADPOOL_SIZE=1: few threads (the pids limit counts them).
    /// </summary>
    public static IReadOnlyList<string> RunCommand(int memoryLimitMb) =>
    [
        Node,
        "--max-old-space-size=" + memoryLimitMb.ToString(CultureInfo.InvariantCulture),
        "--stack-size=" + StackKb(memoryLimitMb).ToString(CultureInfo.InvariantCulture),
        "--random-seed=1",
        "--v8-pool-size=1",
        "--no-warnings",
        "/box/harness.js",
    ];

    internal static int StackKb(int memoryLimitMb) => Math.Clamp(memoryLimitMb / 4, 8, 256) * 1024;

    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = "C.UTF-8",
        ["TZ"] = "UTC",
        ["UV_THREADPOOL_SIZE"] = "1",
        ["NODE_DISABLE_COLORS"] = "1",
    };
}
