#include "/etc/shadow"
#include "/proc/self/environ"
int main() {}
