// Kernel keyrings are not namespaced: a key added here would be visible to other runs of the same uid.
#include "probe.h"
#include <sys/syscall.h>
#include <unistd.h>
int main() {
    report("add_key", syscall(SYS_add_key, "user", "coderoom", "v", 1, -4 /* KEY_SPEC_USER_KEYRING */));
    report("keyctl_get_keyring_id", syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -4, 0));
    report("request_key", syscall(SYS_request_key, "user", "coderoom", nullptr, 0));
}
