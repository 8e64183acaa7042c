// Lists the open file descriptors (skipping the one of the listing itself): only 0, 1, 2 and 3 may be open.
#include <dirent.h>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
int main() {
    DIR* d = opendir("/proc/self/fd");
    int own = dirfd(d);
    while (dirent* e = readdir(d)) {
        if (e->d_name[0] == '.') continue;
        int fd = std::atoi(e->d_name);
        if (fd == own) continue;
        char target[256] = {};
        char path[64];
        std::snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        readlink(path, target, sizeof target - 1);
        std::printf("%d %s\n", fd, target);
    }
}
