/*
 * Preloaded into a compiler (LD_PRELOAD) for the judge's compiles: the start-up of rustc and of clang is mostly the
 * dynamic loader relocating their libraries (librustc_driver and libLLVM, 245 MB; libclang-cpp and libLLVM), ~20 ms of
 * CPU before either reads an argument. This runs after those libraries' own initialisers and blocks until stdin ends,
 * so a compile sandbox prepared ahead of time holds a compiler that is loaded and waiting; the judge writes the
 * candidate's files into the box, then closes the sandbox's stdin. A compile started cold gets an empty stdin and goes
 * on at once. Nothing of the candidate's is read here: stdin carries no data.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void wait_for_stdin(void)
{
    /* Not for what the compiler starts (rustc's linker driver and linker): they would wait too, and load this again. */
    unsetenv("LD_PRELOAD");
    char buffer[256];
    for (;;)
    {
        ssize_t n = read(STDIN_FILENO, buffer, sizeof buffer);
        if (n == 0 || (n < 0 && errno != EINTR))
        {
            return;
        }
    }
}
