// CodeRoom C++ harness, the bodies of harness.hpp: compiled once into the prebuilt object that every run links, so
// no compile instantiates or optimises them again. No #include: it is compiled with harness.hpp precompiled.

namespace coderoom {
namespace {

constexpr int kControlFd = 3;
// Guards against cyclic lists and trees in a return value.
constexpr size_t kMaxNodes = 10'000'000;

void write_all(int fd, const char* data, size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;  // the reader is gone; the judge learns why from the sandbox outcome
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
}

void control(const std::string& line) {
    std::string with_newline = line;
    with_newline.push_back('\n');
    write_all(kControlFd, with_newline.data(), with_newline.size());
}

void flush_candidate_streams() {
    std::cout.flush();
    std::cerr.flush();
    std::clog.flush();
    std::fflush(stdout);
    std::fflush(stderr);
}

void utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

template <typename I> void write_integer(std::string& out, I v) {
    char buffer[24];
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, ptr);
}

// Indexing rather than range-for, so that vector<bool>'s proxies read as bool.
template <typename T> void put_items(std::string& out, const std::vector<T>& items) {
    out.push_back('[');
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out.push_back(',');
        put(out, static_cast<const T&>(items[i]));
    }
    out.push_back(']');
}

std::string read_stdin() {
    std::string data;
    char buffer[1 << 16];
    while (true) {
        ssize_t n = ::read(0, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        data.append(buffer, static_cast<size_t>(n));
    }
    return data;
}

std::string header_nonce(std::string_view header) {
    Reader r(header.data(), header.data() + header.size());
    r.expect('{');
    std::string nonce;
    if (r.consume('}')) return nonce;
    do {
        std::string key = r.str();
        r.expect(':');
        if (key == "nonce") nonce = r.str();
        else r.skip_value();
    } while (r.consume(','));
    return nonce;
}

std::string demangle(const char* name) {
    int status = 0;
    char* readable = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    std::string result = status == 0 && readable != nullptr ? readable : name;
    std::free(readable);
    return result;
}

std::string current_exception_type() {
    const std::type_info* type = abi::__cxa_current_exception_type();
    return type == nullptr ? std::string("unknown exception") : demangle(type->name());
}

std::string limit(std::string s) {
    if (s.size() > 2000) s.resize(2000);
    return s;
}

using Body = void (*)(Reader& in, Test& test);

void run_tests(Body body) {
    std::string input = read_stdin();
    std::string_view rest(input);
    size_t eol = rest.find('\n');
    std::string nonce = header_nonce(rest.substr(0, eol));
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    while (!rest.empty()) {
        eol = rest.find('\n');
        std::string_view line = rest.substr(0, eol);
        rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
        size_t tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        long index = std::stol(std::string(line.substr(0, tab)));
        Reader reader(line.data() + tab + 1, line.data() + line.size());
        Test test(index, nonce);
        body(reader, test);
    }
    flush_candidate_streams();
}

}  // namespace

// ---- reading ---------------------------------------------------------------------------------------------------

void Reader::ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
}

char Reader::peek() {
    ws();
    return p_ < end_ ? *p_ : '\0';
}

void Reader::expect(char c) {
    if (peek() != c) throw InputError(std::string("expected '") + c + "'");
    ++p_;
}

bool Reader::consume(char c) {
    if (peek() != c) return false;
    ++p_;
    return true;
}

bool Reader::null() {
    if (peek() == 'n' && end_ - p_ >= 4 && std::memcmp(p_, "null", 4) == 0) {
        p_ += 4;
        return true;
    }
    return false;
}

long long Reader::integer() {
    ws();
    bool negative = p_ < end_ && *p_ == '-';
    if (negative) ++p_;
    unsigned long long v = 0;
    const char* start = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') v = v * 10 + static_cast<unsigned>(*p_++ - '0');
    if (p_ == start) throw InputError("expected an integer");
    // Integral doubles such as 3.0 are not in the contract; stop at the digits.
    return negative ? static_cast<long long>(0ULL - v) : static_cast<long long>(v);
}

double Reader::number() {
    ws();
    double v = 0;
    auto [ptr, ec] = std::from_chars(p_, end_, v);
    if (ec != std::errc()) throw InputError("expected a number");
    p_ = ptr;
    return v;
}

bool Reader::boolean() {
    ws();
    if (end_ - p_ >= 4 && std::memcmp(p_, "true", 4) == 0) { p_ += 4; return true; }
    if (end_ - p_ >= 5 && std::memcmp(p_, "false", 5) == 0) { p_ += 5; return false; }
    throw InputError("expected a boolean");
}

std::string Reader::str() {
    expect('"');
    std::string out;
    while (true) {
        const char* run = p_;
        while (p_ < end_ && *p_ != '"' && *p_ != '\\') ++p_;
        out.append(run, p_);
        if (p_ >= end_) throw InputError("unterminated string");
        if (*p_++ == '"') return out;
        char e = *p_++;
        switch (e) {
            case 'n': out.push_back('\n'); break;
            case 't': out.push_back('\t'); break;
            case 'r': out.push_back('\r'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'u': {
                unsigned cp = hex4();
                if (cp >= 0xD800 && cp < 0xDC00 && end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
                    p_ += 2;
                    unsigned low = hex4();
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                utf8(out, cp);
                break;
            }
            default: out.push_back(e); break;  // \" \\ \/
        }
    }
}

void Reader::skip_value() {
    char c = peek();
    if (c == '"') { str(); return; }
    if (c == '[' || c == '{') {
        ++p_;
        char close = c == '[' ? ']' : '}';
        if (consume(close)) return;
        do {
            if (c == '{') { str(); expect(':'); }
            skip_value();
        } while (consume(','));
        expect(close);
        return;
    }
    while (p_ < end_ && *p_ != ',' && *p_ != ']' && *p_ != '}') ++p_;
}

unsigned Reader::hex4() {
    if (end_ - p_ < 4) throw InputError("bad \\u escape");
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
        char h = *p_++;
        v <<= 4;
        if (h >= '0' && h <= '9') v |= static_cast<unsigned>(h - '0');
        else if (h >= 'a' && h <= 'f') v |= static_cast<unsigned>(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F') v |= static_cast<unsigned>(h - 'A' + 10);
        else throw InputError("bad \\u escape");
    }
    return v;
}

int Read<int>::get(Reader& r) { return static_cast<int>(r.integer()); }
long long Read<long long>::get(Reader& r) { return r.integer(); }
double Read<double>::get(Reader& r) { return r.number(); }
bool Read<bool>::get(Reader& r) { return r.boolean(); }
std::string Read<std::string>::get(Reader& r) { return r.str(); }

char Read<char>::get(Reader& r) {
    std::string s = r.str();
    return s.empty() ? '\0' : s[0];
}

ListNode* Read<ListNode*>::get(Reader& r) {
    ListNode dummy;
    ListNode* tail = &dummy;
    r.expect('[');
    if (r.consume(']')) return nullptr;
    do {
        tail->next = new ListNode(static_cast<int>(r.integer()));
        tail = tail->next;
    } while (r.consume(','));
    r.expect(']');
    return dummy.next;
}

// LeetCode level order: each non-null node takes the next two slots as its children.
TreeNode* Read<TreeNode*>::get(Reader& r) {
    std::vector<TreeNode*> nodes;
    r.expect('[');
    if (r.consume(']')) return nullptr;
    do nodes.push_back(r.null() ? nullptr : new TreeNode(static_cast<int>(r.integer()))); while (r.consume(','));
    r.expect(']');
    size_t child = 1;
    for (size_t i = 0; i < nodes.size() && child < nodes.size(); ++i) {
        if (nodes[i] == nullptr) continue;
        nodes[i]->left = nodes[child++];
        if (child < nodes.size()) nodes[i]->right = nodes[child++];
    }
    return nodes[0];
}

#define CODEROOM_INSTANTIATE_READ(T) template struct Read<std::vector<T>>; template struct Read<std::vector<std::vector<T>>>;
CODEROOM_LEAF_TYPES(CODEROOM_INSTANTIATE_READ)
#undef CODEROOM_INSTANTIATE_READ

// ---- writing ---------------------------------------------------------------------------------------------------

void write_string(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out.push_back('"');
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
            ++i;
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
            ++i;
        } else if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++i;
        } else {
            // Pass valid UTF-8 through; a stray byte becomes U+FFFD so the line stays valid JSON.
            size_t len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
            bool valid = len > 0 && i + len <= s.size();
            for (size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
            if (valid) {
                out.append(s.substr(i, len));
                i += len;
            } else {
                out += "\\ufffd";
                ++i;
            }
        }
    }
    out.push_back('"');
}

void put(std::string& out, int v) { write_integer(out, v); }
void put(std::string& out, long v) { write_integer(out, v); }
void put(std::string& out, long long v) { write_integer(out, v); }
void put(std::string& out, unsigned v) { write_integer(out, v); }
void put(std::string& out, unsigned long v) { write_integer(out, v); }
void put(std::string& out, unsigned long long v) { write_integer(out, v); }
void put(std::string& out, short v) { write_integer(out, v); }
void put(std::string& out, bool v) { out += v ? "true" : "false"; }
void put(std::string& out, char v) { write_string(out, std::string_view(&v, 1)); }
void put(std::string& out, const std::string& v) { write_string(out, v); }
void put(std::string& out, const char* v) { write_string(out, v == nullptr ? "" : v); }

void put(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    // to_chars without a precision is the shortest representation that round-trips.
    char buffer[32];
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, ptr);
}

void put(std::string& out, float v) { put(out, static_cast<double>(v)); }
void put(std::string& out, long double v) { put(out, static_cast<double>(v)); }

void put(std::string& out, const ListNode* head) {
    out.push_back('[');
    size_t count = 0;
    for (const ListNode* n = head; n != nullptr; n = n->next) {
        if (++count > kMaxNodes) throw OutputError("the returned list has a cycle");
        if (count > 1) out.push_back(',');
        write_integer(out, n->val);
    }
    out.push_back(']');
}

void put(std::string& out, const TreeNode* root) {
    std::vector<const TreeNode*> order;
    if (root != nullptr) order.push_back(root);
    for (size_t i = 0; i < order.size(); ++i) {
        if (order[i] == nullptr) continue;
        if (order.size() > 2 * kMaxNodes) throw OutputError("the returned tree has a cycle");
        order.push_back(order[i]->left);
        order.push_back(order[i]->right);
    }
    while (!order.empty() && order.back() == nullptr) order.pop_back();
    out.push_back('[');
    for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0) out.push_back(',');
        if (order[i] == nullptr) out += "null";
        else write_integer(out, order[i]->val);
    }
    out.push_back(']');
}

void put(std::string& out, ListNode* v) { put(out, static_cast<const ListNode*>(v)); }
void put(std::string& out, TreeNode* v) { put(out, static_cast<const TreeNode*>(v)); }

// vector<bool> is one of the contract's sequences (CODEROOM_LEAF_TYPES below defines it).
#define CODEROOM_DEFINE_PUT(T) \
    void put(std::string& out, const std::vector<T>& items) { put_items(out, items); } \
    void put(std::string& out, const std::vector<std::vector<T>>& items) { put_items(out, items); }
CODEROOM_LEAF_TYPES(CODEROOM_DEFINE_PUT)
#undef CODEROOM_DEFINE_PUT

#define CODEROOM_INSTANTIATE_WRITE(T) \
    template struct Write<T>; template struct Write<std::vector<T>>; template struct Write<std::vector<std::vector<T>>>;
CODEROOM_LEAF_TYPES(CODEROOM_INSTANTIATE_WRITE)
#undef CODEROOM_INSTANTIATE_WRITE

// ---- the test loop ---------------------------------------------------------------------------------------------

void Test::start() {
    if (started_once_) return;
    started_once_ = true;
    flush_candidate_streams();
    std::string marker = "\x1e" + nonce_ + ":" + std::to_string(index_) + "\x1e";
    write_all(1, marker.data(), marker.size());
    write_all(2, marker.data(), marker.size());
    control("S " + std::to_string(index_));
    started_ = std::chrono::steady_clock::now();
}

void Test::stop_once() {
    if (!stopped_) stop();
}

void Test::stop() {
    stopped_ = true;
    ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    flush_candidate_streams();
}

void Test::ok(const std::string& value) {
    std::string line = "R " + std::to_string(index_) + " {\"ok\":true,\"value\":" + value + ",\"ms\":";
    put(line, ms_);
    line += "}";
    control(line);
}

void Test::fail(const char* kind, const std::string& error) {
    start();  // a throwing constructor still gets its S, so the judge can pair the R
    stop_once();
    std::string line = "R " + std::to_string(index_) + " {\"ok\":false,\"kind\":\"" + kind + "\",\"error\":";
    write_string(line, limit(error));
    line += ",\"line\":null,\"ms\":";
    put(line, ms_);
    line += "}";
    control(line);
}

void execute(Test& test, Invocation& invocation) {
    std::string value;
    try {
        invocation.create();
        test.start();
        invocation.invoke(value);
    } catch (const OutputError& e) {
        test.fail("output", std::string("return value cannot be serialised: ") + e.what());
        return;
    } catch (const std::bad_alloc& e) {
        test.fail("memory", current_exception_type() + ": " + e.what());
        return;
    } catch (const std::exception& e) {
        test.fail("runtime", current_exception_type() + ": " + e.what());
        return;
    } catch (...) {
        test.fail("runtime", "exception of type " + current_exception_type());
        return;
    }
    test.ok(value);
    invocation.destroy();
}

/// The toolchain keeps the stack well under the memory limit, so runaway recursion ends in SIGSEGV (a runtime
/// error) rather than a memory-limit kill, while depth 100,000 still fits.
int run(int argc, char** argv, Body body) {
    size_t stack = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 0;
    if (stack == 0) {
        run_tests(body);
    } else {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, stack);
        pthread_t thread;
        auto start = [](void* arg) -> void* {
            run_tests(*static_cast<Body*>(arg));
            return nullptr;
        };
        if (pthread_create(&thread, &attr, start, &body) != 0) {
            run_tests(body);
        } else {
            pthread_join(thread, nullptr);
        }
    }
    flush_candidate_streams();
    // _exit: static destructors of the candidate's globals must not run after the last result.
    ::_exit(0);
}

}  // namespace coderoom
