// CodeRoom C++ harness: speaks docs/harness-protocol.md. main.cpp (generated) is compiled with this header
// precompiled, then the candidate's code under `#line 1 "solution.cpp"`, then the typed call site.
//
// Only declarations and thin templates live here; the bodies are in harness.cpp, compiled once into the prebuilt
// object. A compile then optimises the candidate's code and a few calls, not the harness again (which was half of
// a trivial compile at -O2): the reading and writing of every contract type is instantiated once, in harness.cpp.
#pragma once
#include <bits/stdc++.h>
#include <cxxabi.h>
#include <pthread.h>
#include <unistd.h>

using namespace std;

// As LeetCode defines them; candidates keep LeetCode's commented-out block.
struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};

struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};

// Every leaf type of the contract; arrays and lists nest at most twice (ValueType.TryParse). X(T) is expanded for each.
#define CODEROOM_LEAF_TYPES(X) X(int) X(long long) X(double) X(bool) X(std::string) X(char) X(ListNode*) X(TreeNode*)

namespace coderoom {

// ---- reading ---------------------------------------------------------------------------------------------------

struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A cursor over one test's JSON arguments.
class Reader {
public:
    Reader(const char* begin, const char* end) : p_(begin), end_(end) {}

    void ws();
    char peek();
    void expect(char c);
    bool consume(char c);
    bool null();
    long long integer();
    double number();
    bool boolean();
    std::string str();
    void skip_value();

private:
    unsigned hex4();

    const char* p_;
    const char* end_;
};

template <typename T> struct Read;

template <> struct Read<int> { static int get(Reader& r); };
template <> struct Read<long long> { static long long get(Reader& r); };
template <> struct Read<double> { static double get(Reader& r); };
template <> struct Read<bool> { static bool get(Reader& r); };
template <> struct Read<std::string> { static std::string get(Reader& r); };
template <> struct Read<char> { static char get(Reader& r); };
template <> struct Read<ListNode*> { static ListNode* get(Reader& r); };
template <> struct Read<TreeNode*> { static TreeNode* get(Reader& r); };

template <typename T> struct Read<std::vector<T>> {
    static std::vector<T> get(Reader& r);
};
// Out of the class body, so not inline: the contract's instantiations below are compiled once, in harness.cpp.
template <typename T> std::vector<T> Read<std::vector<T>>::get(Reader& r) {
    std::vector<T> out;
    r.expect('[');
    if (r.consume(']')) return out;
    do out.push_back(Read<T>::get(r)); while (r.consume(','));
    r.expect(']');
    return out;
}

#define CODEROOM_EXTERN_READ(T) extern template struct Read<std::vector<T>>; extern template struct Read<std::vector<std::vector<T>>>;
CODEROOM_LEAF_TYPES(CODEROOM_EXTERN_READ)
#undef CODEROOM_EXTERN_READ

// ---- writing ---------------------------------------------------------------------------------------------------

struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void write_string(std::string& out, std::string_view s);

// A candidate may return a type other than the signature's (long for int, a set for a list): every integer and
// floating type, and any container (by the template below), serialises.
void put(std::string& out, int v);
void put(std::string& out, long v);
void put(std::string& out, long long v);
void put(std::string& out, unsigned v);
void put(std::string& out, unsigned long v);
void put(std::string& out, unsigned long long v);
void put(std::string& out, short v);
void put(std::string& out, bool v);
void put(std::string& out, char v);
void put(std::string& out, const std::string& v);
void put(std::string& out, const char* v);
void put(std::string& out, double v);
void put(std::string& out, float v);
void put(std::string& out, long double v);
void put(std::string& out, const ListNode* head);
void put(std::string& out, const TreeNode* root);
void put(std::string& out, ListNode* v);
void put(std::string& out, TreeNode* v);
void put(std::string& out, const std::vector<bool>& items);

// The contract's sequences: non-templates, so they win over the generic template and are compiled once.
#define CODEROOM_DECLARE_PUT(T) \
    void put(std::string& out, const std::vector<T>& items); \
    void put(std::string& out, const std::vector<std::vector<T>>& items);
CODEROOM_LEAF_TYPES(CODEROOM_DECLARE_PUT)
#undef CODEROOM_DECLARE_PUT

template <typename C>
    requires requires(const C& c) { c.begin(); c.end(); } && (!std::is_convertible_v<const C&, std::string_view>)
void put(std::string& out, const C& items) {
    out.push_back('[');
    bool first = true;
    for (const auto& item : items) {
        if (!first) out.push_back(',');
        first = false;
        put(out, item);
    }
    out.push_back(']');
}

/// Serialises a value of type T. The contract's types find theirs compiled in harness.cpp; others resolve put.
template <typename T> struct Write {
    static void to(std::string& out, const T& value);
};
template <typename T> void Write<T>::to(std::string& out, const T& value) { put(out, value); }

#define CODEROOM_EXTERN_WRITE(T) \
    extern template struct Write<T>; extern template struct Write<std::vector<T>>; extern template struct Write<std::vector<std::vector<T>>>;
CODEROOM_LEAF_TYPES(CODEROOM_EXTERN_WRITE)
#undef CODEROOM_EXTERN_WRITE

/// What the call site calls. One function template rather than the overload set above: resolving that set cost the
/// two-sum call site 5 to 15 ms of front end (the value is tried against each overload's parameter type); deducing
/// T costs nothing.
template <typename T> void write(std::string& out, const T& value) { Write<T>::to(out, value); }

// ---- the test loop ---------------------------------------------------------------------------------------------

/// One test's protocol lines: S when the call starts, R with the judged value or the error.
class Test {
public:
    Test(long index, std::string nonce) : index_(index), nonce_(std::move(nonce)) {}

    void start();
    void stop_once();
    void stop();
    void ok(const std::string& value);
    /// thrown: the error is an exception that escaped the call, so R carries where it was thrown.
    void fail(const char* kind, const std::string& error, bool thrown = false);

private:
    long index_;
    std::string nonce_;
    std::chrono::steady_clock::time_point started_{};
    double ms_ = 0;
    bool started_once_ = false;
    bool stopped_ = false;
};

/// What execute needs of one test's call, erased so that its try/catch and protocol are compiled once.
class Invocation {
public:
    virtual void create() = 0;                      // new Solution()
    virtual void invoke(std::string& value) = 0;    // the call; stops the timer and serialises the judged value
    virtual void destroy() = 0;                     // delete the Solution

protected:
    ~Invocation() = default;
};

/// Runs one test: a fresh Solution, S, the call, R.
void execute(Test& test, Invocation& invocation);

template <typename S, typename Call>
void execute(Test& test, Call call) {
    class Typed final : public Invocation {
    public:
        explicit Typed(Call& call) : call_(call) {}
        void create() override { solution_ = new S(); }
        void invoke(std::string& value) override { call_(*solution_, value); }
        void destroy() override { delete solution_; }

    private:
        Call& call_;
        S* solution_ = nullptr;
    };
    Typed typed(call);
    execute(test, static_cast<Invocation&>(typed));
}

/// Reads the tests from stdin and runs body on each, on a thread whose stack size is argv[1] (bytes).
int run(int argc, char** argv, void (*body)(Reader& in, Test& test));

// ---- warm-up ---------------------------------------------------------------------------------------------------

/// Never called: it makes the precompiled header instantiate what most solutions and every call site use (the
/// commonest containers with their usual operations), so that a compile finds those
/// instantiations instead of redoing them. Only the front end's work is saved: -O2 still sees and inlines every
/// body, so the candidate's code compiles exactly as before.
namespace warm {
template <typename Map> void map(Map& m, typename Map::key_type k, typename Map::mapped_type v) {
    const auto& key = k;
    m[key] = v;
    m[std::move(k)] = v;
    m.at(key) = v;
    if (auto it = m.find(key); it != m.end()) m.erase(it);
    (void)(m.count(key) + m.contains(key) + m.size() + m.empty());
    m.emplace(key, v);
    m.insert({key, v});
    m.erase(key);
    for (auto& [first, second] : m) (void)first, (void)second;
    m.clear();
}
template <typename Set> void set(Set& s, typename Set::key_type k) {
    const auto& key = k;
    s.insert(key);
    s.insert(std::move(k));
    s.emplace(key);
    if (auto it = s.find(key); it != s.end()) s.erase(it);
    (void)(s.count(key) + s.contains(key) + s.size() + s.empty());
    s.erase(key);
    for (const auto& item : s) (void)item;
    s.clear();
}
template <typename T> void sequence(std::vector<T>& v, std::type_identity_t<T> x) {
    const auto& item = x;
    v.push_back(item);
    v.push_back(std::move(x));
    v.emplace_back();
    v.reserve(8);
    v.resize(8);
    v.assign(4, item);
    v.insert(v.begin(), item);
    v.erase(v.begin());
    v.pop_back();
    std::vector<T> copy(v.begin(), v.end());
    std::vector<T> sized(4, item);
    copy = v;
    std::reverse(v.begin(), v.end());
    (void)(v.back() == v.front());
    (void)(v == copy);
    for (auto& e : v) (void)e;
    v.clear();
}
template <typename T> void ordered(std::vector<T>& v) {
    std::sort(v.begin(), v.end());
    std::sort(v.begin(), v.end(), std::greater<T>());
    (void)std::lower_bound(v.begin(), v.end(), v[0]);
    (void)std::upper_bound(v.begin(), v.end(), v[0]);
    (void)std::max_element(v.begin(), v.end());
    (void)std::min_element(v.begin(), v.end());
    (void)std::unique(v.begin(), v.end());
}
template <typename Q> void queue(Q& q, typename Q::value_type x) {
    q.push(x);
    q.emplace(x);
    (void)(q.size() + q.empty());
    q.pop();
}
inline void all() {
    std::unordered_map<int, int> a; map(a, 0, 0);
    std::unordered_map<long long, int> b; map(b, 0, 0);
    std::unordered_map<std::string, int> c; map(c, "", 0);
    std::unordered_map<char, int> d; map(d, 'a', 0);
    std::unordered_map<int, std::vector<int>> e; map(e, 0, {});
    std::unordered_map<std::string, std::vector<std::string>> f; map(f, "", {});
    std::map<int, int> g; map(g, 0, 0);
    std::map<std::string, int> h; map(h, "", 0);
    std::map<char, int> i; map(i, 'a', 0);
    std::unordered_set<int> j; set(j, 0);
    std::unordered_set<std::string> k; set(k, "");
    std::unordered_set<char> l; set(l, 'a');
    std::set<int> m; set(m, 0);
    std::set<std::pair<int, int>> n; set(n, {});
    std::vector<int> vi; sequence(vi, 0); ordered(vi);
    std::vector<long long> vl; sequence(vl, 0LL); ordered(vl);
    std::vector<double> vd; sequence(vd, 0.0); ordered(vd);
    std::vector<bool> vb(4, false); vb.push_back(true); vb[0] = vb[1];
    std::vector<char> vc; sequence(vc, 'a'); ordered(vc);
    std::vector<std::string> vs; sequence(vs, std::string()); ordered(vs);
    std::vector<std::vector<int>> vvi; sequence(vvi, {}); ordered(vvi);
    std::vector<std::vector<char>> vvc; sequence(vvc, {});
    std::vector<std::vector<bool>> vvb; sequence(vvb, {});
    std::vector<std::vector<std::string>> vvs; sequence(vvs, {});
    std::vector<std::pair<int, int>> vp; sequence(vp, {}); ordered(vp);
    std::vector<ListNode*> vln; sequence(vln, nullptr);
    std::vector<TreeNode*> vtn; sequence(vtn, nullptr);
    std::priority_queue<int> pq; queue(pq, 0);
    std::priority_queue<int, std::vector<int>, std::greater<int>> pqg; queue(pqg, 0);
    std::priority_queue<std::pair<int, int>> pqp; queue(pqp, {});
    std::priority_queue<std::pair<int, int>, std::vector<std::pair<int, int>>, std::greater<>> pqpg; queue(pqpg, {});
    std::queue<int> qi; queue(qi, 0); (void)qi.front();
    std::queue<TreeNode*> qt; queue(qt, nullptr); (void)qt.front();
    std::queue<std::pair<int, int>> qp; queue(qp, {}); (void)qp.front();
    std::stack<int> si; queue(si, 0); (void)si.top();
    std::stack<char> sc; queue(sc, 'a'); (void)sc.top();
    std::deque<int> dq; dq.push_back(0); dq.push_front(0); dq.pop_back(); dq.pop_front();
    std::string s = std::to_string(0) + "a";
    s += 'a'; s += s; s.push_back('a'); s.pop_back();
    (void)(s.substr(0, 1) == s); (void)s.find('a'); (void)s.find(s);
    std::reverse(s.begin(), s.end()); std::sort(s.begin(), s.end());
    (void)std::stoi(s); (void)std::stoll(s);
    (void)std::max(0, 1); (void)std::min(0, 1); (void)std::max(0LL, 1LL); (void)std::min(0LL, 1LL);
    (void)std::abs(0); (void)std::accumulate(vi.begin(), vi.end(), 0); (void)std::accumulate(vi.begin(), vi.end(), 0LL);
}
}  // namespace warm

}  // namespace coderoom
