// Shared by the syscall probes: prints "<what> OK" or "<what> <ERRNO NAME>" per attempt.
#pragma once
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <sys/types.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <arpa/inet.h>
static inline void report(const char* what, long rc) {
    if (rc >= 0) std::printf("%s OK\n", what);
    else std::printf("%s %s\n", what, strerrorname_np(errno));
    std::fflush(stdout);
}
