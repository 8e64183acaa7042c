// A 1 GiB initialised static array: a 1 GiB object file.
char a[1 << 30] = {1};
int main() { return a[12345]; }
