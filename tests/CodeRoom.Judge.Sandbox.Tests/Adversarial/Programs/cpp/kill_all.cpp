// kill(-1, SIGKILL): every process the caller may signal. Then the same to pid 1 and to the parent.
#include "probe.h"
#include <csignal>
#include <unistd.h>
#include <cstdlib>
// argv: host pids (the supervisor's), which must not be reachable from inside the pid namespace.
int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) report("kill_host_pid", kill(std::atoi(argv[i]), SIGKILL));
    std::printf("ppid %d\n", getppid());
    report("kill_minus_1", kill(-1, SIGKILL));
    report("kill_pid1", kill(1, SIGKILL));
    report("kill_parent", kill(getppid(), SIGKILL));
    report("kill_parent_term", kill(getppid(), SIGTERM));
    usleep(200000);
    std::puts("survived");
}
