using System.Text;

namespace CodeRoom.Judge.Sandbox.Tests;

/// <summary>Long-lived sandboxed programs (the compile servers' sandbox): exchanges, per-exchange limits, cleanup.</summary>
[Collection(nameof(SandboxCollection))]
public sealed class SessionTests(SandboxFixture fixture)
{
    /// <summary>A tiny line server: greets, then answers each stdin line on fd 3 and ends each reply with "END".</summary>
    private const string Server = """
        import os, sys
        ctl = os.fdopen(3, "w", buffering=1)
        ctl.write("READY\n")
        for line in sys.stdin:
            cmd = line.strip()
            if cmd == "spin":
                while True: pass
            elif cmd == "sleep":
                import time; time.sleep(100)
            elif cmd == "eat":
                a = []
                while True: a.append(bytearray(1 << 20))
            elif cmd == "exit":
                ctl.write("bye\n"); sys.exit(3)
            elif cmd == "who":
                ctl.write(f"{os.getuid()} {os.getgid()}\n")
                try:
                    import socket; socket.create_connection(("127.0.0.1", 22), timeout=1); ctl.write("network\n")
                except OSError:
                    ctl.write("no-network\n")
                try:
                    open("/etc/shadow").read(); ctl.write("shadow\n")
                except OSError:
                    ctl.write("no-shadow\n")
            else:
                ctl.write(cmd[::-1] + "\n")
            ctl.write("END\n")
        """;

    private static readonly Func<string, bool> End = line => line == "END";

    private async Task<(ISandboxSession Session, SandboxBox Box)> StartAsync(long memoryBytes = 64L << 20)
    {
        var box = fixture.Sandbox.CreateBox();
        var session = await fixture.Sandbox.StartSessionAsync(new SandboxSpec
        {
            Command = ["/usr/bin/python3.11", "-S", "-u", "-c", Server],
            WorkingDirectory = box.Path,
            Limits = new SandboxLimits { MemoryBytes = memoryBytes, CpuTime = TimeSpan.FromMinutes(1), WallTime = TimeSpan.FromMinutes(5) },
        }, TestContext.Current.CancellationToken);
        var greeting = await session.ExchangeAsync(ReadOnlyMemory<byte>.Empty, line => line == "READY", TimeSpan.FromSeconds(5),
            TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Null(greeting.Failure);
        return (session, box);
    }

    private static Task<SessionReply> Send(ISandboxSession session, string line, double cpuSeconds = 1, double wallSeconds = 10) =>
        session.ExchangeAsync(Encoding.ASCII.GetBytes(line + "\n"), End, TimeSpan.FromSeconds(cpuSeconds), TimeSpan.FromSeconds(wallSeconds),
            TestContext.Current.CancellationToken);

    private async Task AssertNothingLeftAsync()
    {
        var standby = Enumerable.Range(fixture.Options.FirstSlotUid + fixture.Options.Slots, fixture.Options.StandbySlots).ToHashSet();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var sessions = Leftovers.CgroupSubtrees(fixture.Options).Where(Directory.Exists)
                .SelectMany(root => Directory.GetDirectories(root, "session-*")).ToList();
            if (sessions.Count == 0 && Leftovers.ProcessesOf(standby).Count == 0)
            {
                return;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail("a session left a process or a cgroup behind");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_session_answers_exchange_after_exchange_under_the_sandbox_policy()
    {
        var (session, box) = await StartAsync();
        await using (session)
        using (box)
        {
            for (var i = 0; i < 20; i++)
            {
                var reply = await Send(session, "abc" + i);
                Assert.Null(reply.Failure);
                Assert.Equal([new string(("abc" + i).Reverse().ToArray()), "END"], reply.Lines);
            }
            var who = await Send(session, "who");
            Assert.Null(who.Failure);
            var uid = int.Parse(who.Lines[0].Split(' ')[0]);
            Assert.InRange(uid, fixture.Options.FirstSlotUid + fixture.Options.Slots, fixture.Options.FirstSlotUid + fixture.Options.Slots + fixture.Options.StandbySlots - 1);
            Assert.Equal(["no-network", "no-shadow", "END"], who.Lines.Skip(1));
            Assert.False(session.HasExited);
        }
        await AssertNothingLeftAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task An_exchange_over_its_cpu_limit_ends_the_session()
    {
        var (session, box) = await StartAsync();
        await using (session)
        using (box)
        {
            var reply = await Send(session, "spin", cpuSeconds: 0.5);
            Assert.Equal(TerminationReason.CpuTimeLimit, reply.Failure);
            Assert.InRange(reply.CpuTime.TotalMilliseconds, 500, 900);
            // Dead: the next exchange says so at once.
            var after = await Send(session, "abc");
            Assert.NotNull(after.Failure);
            Assert.True(session.HasExited);
        }
        await AssertNothingLeftAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task An_exchange_over_its_wall_limit_ends_the_session()
    {
        var (session, box) = await StartAsync();
        await using (session)
        using (box)
        {
            var reply = await Send(session, "sleep", wallSeconds: 1);
            Assert.Equal(TerminationReason.WallTimeLimit, reply.Failure);
            Assert.InRange(reply.WallTime.TotalMilliseconds, 1000, 3000);
        }
        await AssertNothingLeftAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task Memory_over_the_session_limit_is_an_out_of_memory_end()
    {
        var (session, box) = await StartAsync(memoryBytes: 48L << 20);
        await using (session)
        using (box)
        {
            var reply = await Send(session, "eat", cpuSeconds: 5, wallSeconds: 20);
            Assert.Equal(TerminationReason.MemoryLimit, reply.Failure);
        }
        await AssertNothingLeftAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_program_that_exits_mid_reply_ends_the_session_with_what_it_said()
    {
        var (session, box) = await StartAsync();
        await using (session)
        using (box)
        {
            var reply = await Send(session, "exit");
            Assert.Equal(TerminationReason.Exited, reply.Failure);
            Assert.Equal(["bye"], reply.Lines);
        }
        await AssertNothingLeftAsync();
    }
}
