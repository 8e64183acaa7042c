// Exponential macro expansion (DMOJ cpp_compiler_ole): 4^12 tokens.
#define A(x) x x x x
#define B(x) A(A(x))
#define C(x) B(B(x))
#define D(x) C(C(x))
#define E(x) D(D(x))
#define F(x) E(E(x))
int main() { F(F(undefined_name_here)) }
