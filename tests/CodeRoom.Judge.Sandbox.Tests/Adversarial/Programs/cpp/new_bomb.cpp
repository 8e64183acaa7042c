// Memory bomb with operator new: 1 MiB blocks, each touched so it is really resident. Every block is linked into a
// list reachable from a volatile global, so the optimiser cannot elide the allocation (C++14 new-elision).
#include <cstring>
#include <cstdio>
struct Block { Block* next; char data[(1 << 20) - sizeof(Block*)]; };
Block* volatile head = nullptr;
int main() {
    for (long i = 0;; ++i) {
        Block* b = new Block;
        std::memset(b->data, 1, sizeof b->data);
        b->next = head;
        head = b;
        if (i % 64 == 0) std::printf("%ld MiB\n", i);
    }
}
