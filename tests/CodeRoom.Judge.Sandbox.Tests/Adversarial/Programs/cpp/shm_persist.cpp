// SysV shared memory outlives processes: "write" leaves a segment, "read" (a later run) looks for it.
#include "probe.h"
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/msg.h>
#include <string>
int main(int argc, char** argv) {
    std::string mode = argc > 1 ? argv[1] : "write";
    if (mode == "write") {
        int id = shmget(0x1234, 4096, IPC_CREAT | 0666);
        report("shmget_create", id);
        if (id >= 0) {
            char* p = static_cast<char*>(shmat(id, nullptr, 0));
            std::strcpy(p, "left by an earlier run");
            shmdt(p);
        }
        report("msgget_create", msgget(0x1234, IPC_CREAT | 0666));
    } else {
        report("shmget_existing", shmget(0x1234, 4096, 0));
        report("msgget_existing", msgget(0x1234, 0));
    }
}
