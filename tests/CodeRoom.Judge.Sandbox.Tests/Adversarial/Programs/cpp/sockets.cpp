// Every socket family but AF_UNIX is denied; unix sockets find no host socket to talk to.
#include "probe.h"
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/if_ether.h>
#include <unistd.h>
#ifndef AF_VSOCK
#define AF_VSOCK 40
#endif
int main() {
    report("socket_inet_tcp", socket(AF_INET, SOCK_STREAM, 0));
    report("socket_inet_udp", socket(AF_INET, SOCK_DGRAM, 0));
    report("socket_inet6", socket(AF_INET6, SOCK_STREAM, 0));
    report("socket_packet", socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)));
    report("socket_netlink", socket(AF_NETLINK, SOCK_RAW, 0));
    report("socket_vsock", socket(AF_VSOCK, SOCK_STREAM, 0));
    report("socket_raw", socket(AF_INET, SOCK_RAW, 1));
    int u = socket(AF_UNIX, SOCK_STREAM, 0);
    report("socket_unix", u);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strcpy(addr.sun_path, "/run/postgresql/.s.PGSQL.5432");
    report("connect_postgres_socket", connect(u, reinterpret_cast<sockaddr*>(&addr), sizeof addr));
    std::strcpy(addr.sun_path, "/var/run/docker.sock");
    report("connect_docker_socket", connect(u, reinterpret_cast<sockaddr*>(&addr), sizeof addr));
    std::strcpy(addr.sun_path, "/run/systemd/private");
    report("connect_systemd_socket", connect(u, reinterpret_cast<sockaddr*>(&addr), sizeof addr));
}
