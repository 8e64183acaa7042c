// An endless loop the optimiser cannot remove.
int main() { for (;;) { asm volatile(""); } }
