/*
 * Preloaded into rustc (LD_PRELOAD) for the judge's compiles: rustc's start-up is mostly the dynamic loader relocating
 * librustc_driver (95 MB) and libLLVM (150 MB), ~25 ms before it reads an argument. This runs after those libraries'
 * own initialisers and blocks until stdin ends, so a compile sandbox prepared ahead of time holds a rustc that is loaded
 * and waiting; the judge writes the candidate's files into the box, then closes the sandbox's stdin. A compile started
 * cold gets an empty stdin and goes on at once. Nothing of the candidate's is read here: stdin carries no data.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void wait_for_stdin(void)
{
    /* Not for the linker driver and the linker rustc starts: they would wait too (and load this again). */
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
