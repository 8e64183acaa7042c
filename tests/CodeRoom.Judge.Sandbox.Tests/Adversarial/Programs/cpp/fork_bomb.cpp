// Fork bomb: every process forks forever. The pids cgroup caps the tree; the CPU limit ends it.
#include <unistd.h>
int main() { for (;;) fork(); }
