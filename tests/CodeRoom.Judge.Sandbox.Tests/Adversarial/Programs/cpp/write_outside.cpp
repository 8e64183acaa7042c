// Writes everywhere but /tmp: the root, /usr, the (read-only) box, /proc and /dev.
#include "probe.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
int main() {
    for (const char* path : {"/x", "/usr/bin/x", "/usr/lib/x", "/box/x", "/box/prog", "/proc/sys/kernel/hostname", "/proc/sysrq-trigger", "/etc2/x", "/dev/x"}) {
        char what[64];
        std::snprintf(what, sizeof what, "write_%s", path);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        report(what, fd);
    }
    report("mkdir_/etc2", mkdir("/etc2", 0755));
    report("mkdir_/usr/x", mkdir("/usr/x", 0755));
    report("unlink_/box/prog", unlink("/box/prog"));
    report("rename_/usr/bin/sh", rename("/usr/bin/sh", "/usr/bin/sh2"));
    report("chmod_/box", chmod("/box", 0777));
    report("write_/tmp/ok", open("/tmp/ok", O_WRONLY | O_CREAT, 0644));
}
