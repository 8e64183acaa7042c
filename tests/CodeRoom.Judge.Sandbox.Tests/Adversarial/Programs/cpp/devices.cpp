// Device files: physical memory, kernel log, raw disks, and terminal input injection (TIOCSTI).
#include "probe.h"
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <termios.h>
int main() {
    for (const char* dev : {"/dev/mem", "/dev/kmem", "/dev/port", "/dev/kmsg", "/dev/sda", "/dev/vda", "/dev/nvme0n1", "/dev/console", "/dev/tty"}) {
        char what[64];
        std::snprintf(what, sizeof what, "open_%s", dev + 5);
        int fd = open(dev, O_RDWR);
        report(what, fd);
        if (fd >= 0) close(fd);
    }
    char c = 'x';
    report("tiocsti_stdin", ioctl(0, TIOCSTI, &c));
    report("tiocsti_stdout", ioctl(1, TIOCSTI, &c));
    report("mknod_mem", mknod("/tmp/mem", S_IFCHR | 0666, makedev(1, 1)));
    report("devnull", open("/dev/null", O_RDWR));
}
