// bpf(): maps and programs are kernel attack surface (and a side channel).
#include "probe.h"
#include <sys/syscall.h>
#include <unistd.h>
int main() {
    unsigned int attr[32] = {2 /* BPF_MAP_TYPE_ARRAY */, 4, 4, 1};
    report("bpf_map_create", syscall(SYS_bpf, 0 /* BPF_MAP_CREATE */, attr, sizeof attr));
    report("bpf_prog_load", syscall(SYS_bpf, 5 /* BPF_PROG_LOAD */, attr, sizeof attr));
}
