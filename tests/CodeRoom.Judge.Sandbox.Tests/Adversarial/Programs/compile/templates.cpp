// Runaway template instantiation.
template <int N> struct F { enum { v = F<N - 1>::v + F<N - 2>::v }; };
template <> struct F<0> { enum { v = 0 }; };
template <> struct F<1> { enum { v = 1 }; };
int x = F<100000>::v;
int main() {}
