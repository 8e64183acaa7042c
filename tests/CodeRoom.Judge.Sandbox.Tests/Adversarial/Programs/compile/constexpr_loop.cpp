// A constant expression that would take 2^40 steps to evaluate.
constexpr long f() { long s = 0; for (long i = 0; i < (1L << 40); ++i) s += i; return s; }
static_assert(f() > 0);
int main() {}
