// Eight threads spinning at once: CPU time is the sum over all threads.
#include <thread>
#include <vector>
int main() {
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) threads.emplace_back([] { for (;;) { asm volatile(""); } });
    for (auto& t : threads) t.join();
}
