// mount, umount2, pivot_root, chroot: all reshape the filesystem the sandbox relies on.
#include "probe.h"
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>
int main() {
    report("mount_tmpfs", mount("none", "/tmp", "tmpfs", 0, nullptr));
    report("mount_proc", mount("proc", "/tmp", "proc", 0, nullptr));
    report("remount_usr_rw", mount(nullptr, "/usr", nullptr, MS_REMOUNT | MS_BIND, nullptr));
    report("umount2_usr", umount2("/usr", MNT_DETACH));
    report("umount2_box", umount2("/box", 0));
    report("pivot_root", syscall(SYS_pivot_root, "/tmp", "/tmp"));
    report("chroot", chroot("/tmp"));
    report("fsopen", syscall(SYS_fsopen, "tmpfs", 0));
    report("open_tree", syscall(SYS_open_tree, -100, "/usr", 0));
}
