using System.Text;

namespace CodeRoom.Judge.Sandbox.Tests;

/// <summary>
/// A held sandbox (<see cref="ISandbox.TryPrepareHeldAsync"/>): built while its program does not exist yet (a binary
/// still compiling into the box), started only when run, on a standby slot (never one a run waits for), and leaving
/// nothing when it is not used.
/// </summary>
[Collection(nameof(SandboxCollection))]
public sealed class HeldSandboxTests(SandboxFixture fixture)
{
    private static SandboxSpec Spec(SandboxBox box) => new()
    {
        Command = ["/box/program"],
        WorkingDirectory = box.Path,
        Limits = new SandboxLimits { CpuTime = TimeSpan.FromSeconds(5), WallTime = TimeSpan.FromSeconds(20) },
    };

    private async Task<IPreparedSandbox> HeldAsync(SandboxBox box, CancellationToken token) =>
        await fixture.Sandbox.TryPrepareHeldAsync(Spec(box), token) ?? throw new InvalidOperationException("no held sandbox: no standby slot free");

    /// <summary>No process of the standby uids and no run cgroup is left.</summary>
    private void AssertNothingLeft(HashSet<int> standbyUids)
    {
        Assert.Empty(Leftovers.ProcessesOf(standbyUids));
        Assert.Empty(Leftovers.RunCgroups(fixture.Options));
    }

    private HashSet<int> StandbyUids() =>
        [.. Enumerable.Range(fixture.Options.FirstSlotUid + fixture.Options.Slots, fixture.Options.StandbySlots)];

    private static void WriteProgram(SandboxBox box)
    {
        box.WriteFile("program", "#!/bin/sh\necho \"started as $(id -u)\"\ncat\n");
        File.SetUnixFileMode(Path.Combine(box.Path, "program"),
            UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    [Fact(Timeout = 60_000)]
    public async Task Its_program_is_executed_only_when_it_is_run_so_it_may_appear_after_the_sandbox_was_built()
    {
        var token = TestContext.Current.CancellationToken;
        using var box = fixture.Sandbox.CreateBox();
        await using var held = await fixture.Sandbox.TryPrepareHeldAsync(Spec(box), token);
        Assert.NotNull(held);
        // Had bubblewrap executed the command already, it would have failed: /box/program did not exist.
        await Task.Delay(300, token);
        Assert.False(held.HasExited);

        WriteProgram(box);
        var outcome = await held.RunAsync(Spec(box) with { Stdin = "fed\n"u8.ToArray() }, token);

        Assert.True(outcome.Succeeded, outcome.Reason + " " + Encoding.UTF8.GetString(outcome.Stderr));
        var stdout = Encoding.UTF8.GetString(outcome.Stdout);
        Assert.StartsWith("started as ", stdout);
        Assert.EndsWith("\nfed\n", stdout);
        Assert.DoesNotContain("started as 0\n", stdout);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unused_held_sandbox_leaves_no_process_and_no_cgroup()
    {
        var token = TestContext.Current.CancellationToken;
        using var box = fixture.Sandbox.CreateBox();
        var held = await HeldAsync(box, token);
        var standbyUids = StandbyUids();
        Assert.NotEmpty(Leftovers.ProcessesOf(standbyUids)); // bubblewrap, waiting
        Assert.NotEmpty(Leftovers.RunCgroups(fixture.Options));

        await held.DisposeAsync();

        AssertNothingLeft(standbyUids);
    }

    /// <summary>Waits (2 s at most) until the held sandbox's bubblewrap is gone, then runs it at once: it must fail
    /// closed, its command never started.</summary>
    private static async Task AssertFailsClosedOnceExitedAsync(IPreparedSandbox held, SandboxBox box, CancellationToken token)
    {
        for (var wait = 0; wait < 1000 && !held.HasExited; wait++)
        {
            await Task.Delay(2, token);
        }
        Assert.True(held.HasExited);
        var error = await Assert.ThrowsAsync<SandboxUnavailableException>(() => held.RunAsync(Spec(box) with { Stdin = "x\n"u8.ToArray() }, token));
        Assert.Contains("ended before its command could start", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task One_killed_while_it_waited_fails_closed_when_run_and_leaves_nothing()
    {
        var token = TestContext.Current.CancellationToken;
        using var box = fixture.Sandbox.CreateBox();
        var held = await HeldAsync(box, token);
        var standbyUids = StandbyUids();
        try
        {
            var killed = Leftovers.ProcessesOf(standbyUids);
            foreach (var pid in killed)
            {
                CodeRoom.Judge.Sandbox.Native.Libc.kill(pid, CodeRoom.Judge.Sandbox.Native.Libc.SIGKILL);
            }
            WriteProgram(box);
            await AssertFailsClosedOnceExitedAsync(held, box, token);
        }
        finally
        {
            // Also when an assertion failed: the killed processes are zombies until this reaps them, and the run cgroup
            // stays until this removes it. Left, they would fail every later test's leftover check.
            await held.DisposeAsync();
        }
        AssertNothingLeft(standbyUids);
    }

    [Fact(Timeout = 60_000)]
    public async Task One_whose_bubblewrap_alone_died_is_not_released_into_its_dying_namespace()
    {
        // Killing bubblewrap kills the namespace's pid 1 (it dies with its parent), and with it the command waiting to
        // be executed; but those die asynchronously. Released at once, before they are gone, the block fd's write
        // would still find a reader: a run of a command that cannot start. It must fail closed, every time.
        var token = TestContext.Current.CancellationToken;
        using var box = fixture.Sandbox.CreateBox();
        WriteProgram(box);
        var standbyUids = StandbyUids();
        for (var i = 0; i < 10; i++)
        {
            var held = await HeldAsync(box, token);
            try
            {
                var bwrap = Assert.Single(Leftovers.ProcessesOf(standbyUids),
                    pid => CodeRoom.Judge.Sandbox.Native.ProcStatus.Read(pid)?.ParentPid == Environment.ProcessId);
                CodeRoom.Judge.Sandbox.Native.Libc.kill(bwrap, CodeRoom.Judge.Sandbox.Native.Libc.SIGKILL);
                // Run as soon as bubblewrap is seen gone, while the namespace may still be dying.
                await AssertFailsClosedOnceExitedAsync(held, box, token);
            }
            finally
            {
                await held.DisposeAsync();
            }
        }
        AssertNothingLeft(standbyUids);
    }

    [Fact(Timeout = 60_000)]
    public async Task It_takes_a_standby_slot_never_a_run_slot_and_never_waits_for_one()
    {
        var token = TestContext.Current.CancellationToken;
        using var box = fixture.Sandbox.CreateBox();
        var held = new List<IPreparedSandbox>();
        try
        {
            for (var i = 0; i < fixture.Options.StandbySlots; i++)
            {
                held.Add(await fixture.Sandbox.TryPrepareHeldAsync(Spec(box), token) ?? throw new InvalidOperationException($"held sandbox {i} refused"));
            }
            Assert.Equal(0, fixture.Sandbox.SlotsInUse);
            Assert.Null(await fixture.Sandbox.TryPrepareHeldAsync(Spec(box), token));

            // Every run slot still serves ordinary runs at once.
            WriteProgram(box);
            var runs = Enumerable.Range(0, fixture.Options.Slots)
                .Select(_ => fixture.Sandbox.RunAsync(Spec(box) with { Stdin = "x\n"u8.ToArray() }, token)).ToList();
            foreach (var outcome in await Task.WhenAll(runs))
            {
                Assert.True(outcome.Succeeded, outcome.Reason.ToString());
            }
        }
        finally
        {
            foreach (var sandbox in held)
            {
                await sandbox.DisposeAsync();
            }
        }
        Assert.NotNull(await DisposedAsync(await fixture.Sandbox.TryPrepareHeldAsync(Spec(box), token)));
    }

    private static async Task<IPreparedSandbox?> DisposedAsync(IPreparedSandbox? sandbox)
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
        return sandbox;
    }

    [Fact(Timeout = 120_000)]
    public async Task A_preparation_cancelled_while_bubblewrap_starts_leaves_not_even_a_zombie()
    {
        var standby = StandbyUids();
        using var box = fixture.Sandbox.CreateBox();
        // Cancelled at moments spread over bubblewrap's start: before it read its options, after it made its pid 1 but
        // before the supervisor read that pid (the pid 1, killed with its parent, came to us as a zombie nobody reaped),
        // and after it was ready.
        for (var i = 0; i < 40; i++)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMicroseconds(250 * (i % 20)));
            try
            {
                await using var held = await fixture.Sandbox.TryPrepareHeldAsync(Spec(box), cancel.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        AssertNothingLeft(standby);
    }
}
