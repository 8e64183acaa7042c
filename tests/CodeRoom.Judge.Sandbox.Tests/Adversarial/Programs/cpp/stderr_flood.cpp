// Floods stderr one character at a time through iostreams.
#include <iostream>
int main() { for (;;) std::cerr << 'y'; }
