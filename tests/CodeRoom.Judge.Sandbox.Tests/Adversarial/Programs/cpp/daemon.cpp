// Classic daemon: double fork, setsid, SIGHUP ignored, blocks forever. The parent exits at once.
#include <unistd.h>
#include <csignal>
#include <cstdio>
int main() {
    if (fork() == 0) {
        setsid();
        if (fork() == 0) {
            std::signal(SIGHUP, SIG_IGN);
            std::signal(SIGTERM, SIG_IGN);
            close(0); close(1); close(2);
            for (;;) pause();
        }
        return 0;
    }
    std::puts("parent exits");
    return 0;
}
