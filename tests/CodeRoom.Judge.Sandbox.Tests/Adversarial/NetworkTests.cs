namespace CodeRoom.Judge.Sandbox.Tests.Adversarial;

/// <summary>No network: TCP, UDP and DNS fail before any packet leaves; unix sockets reach no host service.</summary>
[Collection(nameof(SandboxCollection))]
public sealed class NetworkTests(SandboxFixture fixture)
{
    private readonly Attack _attack = new(fixture);

    [Fact(Timeout = 60_000)]
    public async Task Tcp_to_the_internet_and_to_local_postgres_and_redis_is_refused_by_the_socket_filter()
    {
        var result = await _attack.PythonAsync("tcp");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Equal("1.1.1.1 80 EAFNOSUPPORT\n127.0.0.1 5432 EAFNOSUPPORT\n127.0.0.1 6379 EAFNOSUPPORT\n::1 5432 EAFNOSUPPORT\n",
            result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Dns_resolution_and_udp_to_a_resolver_fail()
    {
        var result = await _attack.PythonAsync("udp_dns");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.StartsWith("getaddrinfo gaierror", result.Stdout);
        Assert.Contains("udp EAFNOSUPPORT", result.Stdout);
        Assert.DoesNotContain("resolved", result.Stdout);
        Assert.DoesNotContain("SENT", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Unix_sockets_find_no_postgres_socket_and_abstract_names_stay_in_the_run()
    {
        var result = await _attack.PythonAsync("unix_socket");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Equal("""
            '/run/postgresql/.s.PGSQL.5432' ENOENT
            '/var/run/postgresql/.s.PGSQL.5432' ENOENT
            '/tmp/.s.PGSQL.5432' ENOENT
            '\x00coderoom-abstract' ECONNREFUSED
            abstract listen OK

            """, result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Packet_netlink_vsock_and_raw_sockets_are_denied_in_cpp()
    {
        var result = await _attack.CppAsync("sockets");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Equal("""
            socket_inet_tcp EAFNOSUPPORT
            socket_inet_udp EAFNOSUPPORT
            socket_inet6 EAFNOSUPPORT
            socket_packet EAFNOSUPPORT
            socket_netlink EAFNOSUPPORT
            socket_vsock EAFNOSUPPORT
            socket_raw EAFNOSUPPORT
            socket_unix OK
            connect_postgres_socket ENOENT
            connect_docker_socket ENOENT
            connect_systemd_socket ENOENT

            """, result.Stdout);
        await _attack.AssertContainedAsync(result);
    }
}
