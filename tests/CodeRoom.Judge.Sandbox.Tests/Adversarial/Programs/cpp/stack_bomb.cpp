// Unbounded recursion with a big frame: grows the stack until RLIMIT_STACK stops it.
#include <cstdio>
__attribute__((noinline)) long down(long n) {
    volatile char frame[4096];
    frame[0] = static_cast<char>(n);
    return down(n + 1) + frame[0];
}
int main() { std::printf("%ld\n", down(0)); }
