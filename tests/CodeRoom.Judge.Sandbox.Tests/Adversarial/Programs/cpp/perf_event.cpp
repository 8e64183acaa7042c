// perf_event_open: hardware counters (side channels) and a long history of kernel bugs.
#include "probe.h"
#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <unistd.h>
int main() {
    perf_event_attr attr{};
    attr.size = sizeof attr;
    attr.type = PERF_TYPE_SOFTWARE;
    attr.config = PERF_COUNT_SW_CPU_CLOCK;
    report("perf_event_open_self", syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0));
    report("perf_event_open_all", syscall(SYS_perf_event_open, &attr, -1, 0, -1, 0));
    report("userfaultfd", syscall(SYS_userfaultfd, 0));
    report("personality", syscall(SYS_personality, 0x0040000 /* ADDR_NO_RANDOMIZE */));
}
