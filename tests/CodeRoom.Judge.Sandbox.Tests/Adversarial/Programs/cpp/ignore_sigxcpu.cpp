// Ignores SIGXCPU (RLIMIT_CPU's soft warning) and loops: the supervisor must still end it.
#include <csignal>
int main() {
    std::signal(SIGXCPU, SIG_IGN);
    for (;;) { asm volatile(""); }
}
