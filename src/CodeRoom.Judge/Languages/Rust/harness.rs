//! CodeRoom Rust harness: speaks docs/harness-protocol.md. Compiled once into an rlib (`coderoom_harness`) that every
//! compile links; the generated judge_call.rs includes the candidate's solution.rs and holds the typed call site.
//!
//! Reading and writing of every contract type that has no node in it is a trait impl for a concrete type, so it is
//! compiled (and optimised) here once, not in each compile. Node types are generic over `ListLike`/`TreeLike` so a
//! candidate may declare LeetCode's ListNode or TreeNode themselves.
#![allow(clippy::all)]

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io::Write;
use std::os::fd::FromRawFd;
use std::rc::Rc;
use std::sync::Mutex;
use std::time::Instant;

#[doc(hidden)]
pub mod std_instances;

/// The names LeetCode's Rust code finds without a `use`: glob-imported by the call site, so a candidate's own
/// `use std::rc::Rc;` or `struct TreeNode` shadows them instead of clashing.
pub mod prelude {
    pub use crate::{ListNode, TreeNode};
    pub use std::cell::RefCell;
    pub use std::rc::Rc;
}

// As LeetCode defines them.
#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
    pub val: i32,
    pub next: Option<Box<ListNode>>,
}

impl ListNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        ListNode { next: None, val }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub val: i32,
    pub left: Option<Rc<RefCell<TreeNode>>>,
    pub right: Option<Rc<RefCell<TreeNode>>>,
}

impl TreeNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        TreeNode { val, left: None, right: None }
    }
}

/// What the harness needs of a linked-list node: LeetCode's fields. Implemented for the harness's ListNode, and by
/// the call site for a candidate's own (`list_like!`).
pub trait ListLike: Sized {
    fn create(val: i32) -> Self;
    fn value(&self) -> i32;
    fn next_ref(&self) -> &Option<Box<Self>>;
    fn next_mut(&mut self) -> &mut Option<Box<Self>>;
}

pub trait TreeLike: Sized {
    fn create(val: i32) -> Self;
    fn value(&self) -> i32;
    fn left_ref(&self) -> &Option<Rc<RefCell<Self>>>;
    fn right_ref(&self) -> &Option<Rc<RefCell<Self>>>;
    fn set_children(&mut self, left: Option<Rc<RefCell<Self>>>, right: Option<Rc<RefCell<Self>>>);
}

#[macro_export]
macro_rules! list_like {
    ($t:ident) => {
        impl $crate::ListLike for $t {
            fn create(val: i32) -> Self { $t { val, next: None } }
            fn value(&self) -> i32 { self.val }
            fn next_ref(&self) -> &Option<Box<Self>> { &self.next }
            fn next_mut(&mut self) -> &mut Option<Box<Self>> { &mut self.next }
        }
    };
}

#[macro_export]
macro_rules! tree_like {
    ($t:ident) => {
        impl $crate::TreeLike for $t {
            fn create(val: i32) -> Self { $t { val, left: None, right: None } }
            fn value(&self) -> i32 { self.val }
            fn left_ref(&self) -> &Option<::std::rc::Rc<::std::cell::RefCell<Self>>> { &self.left }
            fn right_ref(&self) -> &Option<::std::rc::Rc<::std::cell::RefCell<Self>>> { &self.right }
            fn set_children(
                &mut self,
                left: Option<::std::rc::Rc<::std::cell::RefCell<Self>>>,
                right: Option<::std::rc::Rc<::std::cell::RefCell<Self>>>,
            ) {
                self.left = left;
                self.right = right;
            }
        }
    };
}

list_like!(ListNode);
tree_like!(TreeNode);

// Guards against cyclic trees in a return value (a Box list cannot cycle without unsafe code).
const MAX_NODES: usize = 10_000_000;

// ---- reading -------------------------------------------------------------------------------------------------

/// A cursor over one test's JSON arguments. Inputs come from the judge, validated against the signature; a malformed
/// one is a bug, reported as a runtime error of the test rather than a crash.
pub struct Reader<'a> {
    s: &'a [u8],
    p: usize,
}

pub type ReadResult<T> = Result<T, String>;

impl<'a> Reader<'a> {
    pub fn new(s: &'a str) -> Self {
        Reader { s: s.as_bytes(), p: 0 }
    }

    fn ws(&mut self) {
        while self.p < self.s.len() && matches!(self.s[self.p], b' ' | b'\t' | b'\n' | b'\r') {
            self.p += 1;
        }
    }

    fn peek(&mut self) -> u8 {
        self.ws();
        if self.p < self.s.len() { self.s[self.p] } else { 0 }
    }

    pub fn expect(&mut self, c: u8) -> ReadResult<()> {
        if self.peek() != c {
            return Err(format!("expected '{}' at {}", c as char, self.p));
        }
        self.p += 1;
        Ok(())
    }

    pub fn consume(&mut self, c: u8) -> bool {
        if self.peek() != c {
            return false;
        }
        self.p += 1;
        true
    }

    fn null(&mut self) -> bool {
        if self.peek() == b'n' && self.s[self.p..].starts_with(b"null") {
            self.p += 4;
            return true;
        }
        false
    }

    fn integer(&mut self) -> ReadResult<i64> {
        self.ws();
        let negative = self.p < self.s.len() && self.s[self.p] == b'-';
        if negative {
            self.p += 1;
        }
        let start = self.p;
        let mut v: u64 = 0;
        while self.p < self.s.len() && self.s[self.p].is_ascii_digit() {
            v = v.wrapping_mul(10).wrapping_add((self.s[self.p] - b'0') as u64);
            self.p += 1;
        }
        if self.p == start {
            return Err("expected an integer".into());
        }
        Ok(if negative { 0i64.wrapping_sub(v as i64) } else { v as i64 })
    }

    fn number(&mut self) -> ReadResult<f64> {
        self.ws();
        let start = self.p;
        while self.p < self.s.len() && matches!(self.s[self.p], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
            self.p += 1;
        }
        std::str::from_utf8(&self.s[start..self.p])
            .ok()
            .and_then(|t| t.parse::<f64>().ok())
            .ok_or_else(|| "expected a number".to_string())
    }

    fn boolean(&mut self) -> ReadResult<bool> {
        self.ws();
        if self.s[self.p..].starts_with(b"true") {
            self.p += 4;
            return Ok(true);
        }
        if self.s[self.p..].starts_with(b"false") {
            self.p += 5;
            return Ok(false);
        }
        Err("expected a boolean".into())
    }

    fn hex4(&mut self) -> ReadResult<u32> {
        if self.s.len() - self.p < 4 {
            return Err("bad \\u escape".into());
        }
        let t = std::str::from_utf8(&self.s[self.p..self.p + 4]).map_err(|_| "bad \\u escape".to_string())?;
        let v = u32::from_str_radix(t, 16).map_err(|_| "bad \\u escape".to_string())?;
        self.p += 4;
        Ok(v)
    }

    pub fn string(&mut self) -> ReadResult<String> {
        self.expect(b'"')?;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let run = self.p;
            while self.p < self.s.len() && self.s[self.p] != b'"' && self.s[self.p] != b'\\' {
                self.p += 1;
            }
            out.extend_from_slice(&self.s[run..self.p]);
            if self.p >= self.s.len() {
                return Err("unterminated string".into());
            }
            let c = self.s[self.p];
            self.p += 1;
            if c == b'"' {
                return String::from_utf8(out).map_err(|_| "invalid UTF-8".to_string());
            }
            let e = *self.s.get(self.p).ok_or_else(|| "unterminated string".to_string())?;
            self.p += 1;
            let ch = match e {
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'u' => {
                    let mut cp = self.hex4()?;
                    if (0xD800..0xDC00).contains(&cp) && self.s[self.p..].starts_with(b"\\u") {
                        self.p += 2;
                        let low = self.hex4()?;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                    }
                    char::from_u32(cp).unwrap_or('\u{FFFD}')
                }
                other => other as char,
            };
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
    }

    fn skip_value(&mut self) -> ReadResult<()> {
        let c = self.peek();
        if c == b'"' {
            self.string()?;
            return Ok(());
        }
        if c == b'[' || c == b'{' {
            self.p += 1;
            let close = if c == b'[' { b']' } else { b'}' };
            if self.consume(close) {
                return Ok(());
            }
            loop {
                if c == b'{' {
                    self.string()?;
                    self.expect(b':')?;
                }
                self.skip_value()?;
                if !self.consume(b',') {
                    break;
                }
            }
            return self.expect(close);
        }
        while self.p < self.s.len() && !matches!(self.s[self.p], b',' | b']' | b'}') {
            self.p += 1;
        }
        Ok(())
    }
}

/// A contract value without nodes in it: read from and written as the contract's JSON.
pub trait Json: Sized {
    fn read(r: &mut Reader) -> ReadResult<Self>;
    fn write(&self, out: &mut String);
}

impl Json for i32 {
    fn read(r: &mut Reader) -> ReadResult<Self> {
        Ok(r.integer()? as i32)
    }
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{}", self);
    }
}

impl Json for i64 {
    fn read(r: &mut Reader) -> ReadResult<Self> {
        r.integer()
    }
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{}", self);
    }
}

impl Json for f64 {
    fn read(r: &mut Reader) -> ReadResult<Self> {
        r.number()
    }
    fn write(&self, out: &mut String) {
        if self.is_finite() {
            // Debug is the shortest form that round-trips, with an exponent for very large or small magnitudes.
            let _ = write!(out, "{:?}", self);
        } else {
            out.push_str("null");
        }
    }
}

impl Json for bool {
    fn read(r: &mut Reader) -> ReadResult<Self> {
        r.boolean()
    }
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Json for String {
    fn read(r: &mut Reader) -> ReadResult<Self> {
        r.string()
    }
    fn write(&self, out: &mut String) {
        write_string(out, self);
    }
}

impl Json for char {
    fn read(r: &mut Reader) -> ReadResult<Self> {
        Ok(r.string()?.chars().next().unwrap_or('\0'))
    }
    fn write(&self, out: &mut String) {
        let mut buf = [0u8; 4];
        write_string(out, self.encode_utf8(&mut buf));
    }
}

/// A sequence of any element, read with `item` (the call site passes a node reader for node elements).
pub fn read_seq<T>(r: &mut Reader, mut item: impl FnMut(&mut Reader) -> ReadResult<T>) -> ReadResult<Vec<T>> {
    let mut items = Vec::new();
    r.expect(b'[')?;
    if r.consume(b']') {
        return Ok(items);
    }
    loop {
        items.push(item(r)?);
        if !r.consume(b',') {
            break;
        }
    }
    r.expect(b']')?;
    Ok(items)
}

pub fn write_seq<T>(out: &mut String, items: &[T], mut item: impl FnMut(&mut String, &T) -> WriteResult) -> WriteResult {
    out.push('[');
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item(out, v)?;
    }
    out.push(']');
    Ok(())
}

fn write_items<T: Json>(out: &mut String, items: &[T]) {
    out.push('[');
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        v.write(out);
    }
    out.push(']');
}

// Sequences of the scalar types, nested up to twice (ValueType.TryParse), instantiated here once.
macro_rules! json_sequences {
    ($($t:ty),*) => {$(
        impl Json for Vec<$t> {
            fn read(r: &mut Reader) -> ReadResult<Self> { read_seq(r, <$t as Json>::read) }
            fn write(&self, out: &mut String) { write_items(out, self) }
        }
        impl Json for Vec<Vec<$t>> {
            fn read(r: &mut Reader) -> ReadResult<Self> { read_seq(r, <Vec<$t> as Json>::read) }
            fn write(&self, out: &mut String) { write_items(out, self) }
        }
    )*};
}
json_sequences!(i32, i64, f64, bool, String, char);

pub fn read_list<T: ListLike>(r: &mut Reader) -> ReadResult<Option<Box<T>>> {
    let values = <Vec<i64> as Json>::read(r)?;
    let mut head: Option<Box<T>> = None;
    for v in values.into_iter().rev() {
        let mut node = Box::new(T::create(v as i32));
        *node.next_mut() = head;
        head = Some(node);
    }
    Ok(head)
}

/// LeetCode level order: each non-null node takes the next two slots as its children.
pub fn read_tree<T: TreeLike>(r: &mut Reader) -> ReadResult<Option<Rc<RefCell<T>>>> {
    let nodes = read_seq(r, |r| {
        Ok(if r.null() { None } else { Some(Rc::new(RefCell::new(T::create(r.integer()? as i32)))) })
    })?;
    let mut child = 1;
    for i in 0..nodes.len() {
        if child >= nodes.len() {
            break;
        }
        if let Some(node) = &nodes[i] {
            let left = nodes[child].clone();
            child += 1;
            let right = if child < nodes.len() { nodes[child].clone() } else { None };
            child += 1;
            node.borrow_mut().set_children(left, right);
        }
    }
    Ok(nodes.into_iter().next().flatten())
}

// ---- writing -------------------------------------------------------------------------------------------------

pub type WriteResult = Result<(), String>;

pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c as u32 == 0x7F => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

pub fn write_value<T: Json>(out: &mut String, value: &T) -> WriteResult {
    value.write(out);
    Ok(())
}

pub fn write_list<T: ListLike>(out: &mut String, head: &Option<Box<T>>) -> WriteResult {
    out.push('[');
    let mut node = head.as_deref();
    let mut count = 0usize;
    while let Some(n) = node {
        count += 1;
        if count > MAX_NODES {
            return Err("the returned list is too long".into());
        }
        if count > 1 {
            out.push(',');
        }
        let _ = write!(out, "{}", n.value());
        node = n.next_ref().as_deref();
    }
    out.push(']');
    Ok(())
}

pub fn write_tree<T: TreeLike>(out: &mut String, root: &Option<Rc<RefCell<T>>>) -> WriteResult {
    let mut order: Vec<Option<Rc<RefCell<T>>>> = Vec::new();
    if root.is_some() {
        order.push(root.clone());
    }
    let mut i = 0;
    while i < order.len() {
        if let Some(node) = order[i].clone() {
            if order.len() > 2 * MAX_NODES {
                return Err("the returned tree has a cycle".into());
            }
            let n = node.try_borrow().map_err(|_| "a node of the returned tree is still mutably borrowed".to_string())?;
            order.push(n.left_ref().clone());
            order.push(n.right_ref().clone());
        }
        i += 1;
    }
    while matches!(order.last(), Some(None)) {
        order.pop();
    }
    out.push('[');
    for (i, node) in order.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match node {
            None => out.push_str("null"),
            Some(n) => {
                let _ = write!(out, "{}", n.borrow().value());
            }
        }
    }
    out.push(']');
    Ok(())
}

// ---- the test loop -------------------------------------------------------------------------------------------

const CONTROL_FD: i32 = 3;

/// The latest panic's message and location, recorded by the hook (which runs before unwinding).
static PANIC: Mutex<Option<(String, Option<(String, u32, u32)>)>> = Mutex::new(None);

fn control(line: &str) {
    // fd 3 is the judge's pipe; ManuallyDrop keeps it open after each write.
    let mut f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(CONTROL_FD) });
    let mut bytes = Vec::with_capacity(line.len() + 1);
    bytes.extend_from_slice(line.as_bytes());
    bytes.push(b'\n');
    let _ = f.write_all(&bytes);
}

fn flush_candidate_streams() {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
}

fn limit(mut s: String) -> String {
    if s.len() > 2000 {
        let mut end = 2000;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

fn header_nonce(header: &str) -> String {
    let mut r = Reader::new(header);
    let mut nonce = String::new();
    if r.expect(b'{').is_err() || r.consume(b'}') {
        return nonce;
    }
    loop {
        let Ok(key) = r.string() else { break };
        if r.expect(b':').is_err() {
            break;
        }
        if key == "nonce" {
            nonce = r.string().unwrap_or_default();
        } else if r.skip_value().is_err() {
            break;
        }
        if !r.consume(b',') {
            break;
        }
    }
    nonce
}

/// One test: the markers, the clock of the harness's own (the supervisor's is the one that counts) and its R line.
pub struct Test {
    index: i64,
    nonce: String,
    started: Option<Instant>,
    ms: f64,
}

impl Test {
    fn start(&mut self) {
        flush_candidate_streams();
        let marker = format!("\x1e{}:{}\x1e", self.nonce, self.index);
        let _ = std::io::stdout().write_all(marker.as_bytes());
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().write_all(marker.as_bytes());
        *PANIC.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.started = Some(Instant::now());
    }

    fn stop(&mut self) {
        if let Some(s) = self.started {
            self.ms = s.elapsed().as_secs_f64() * 1000.0;
        }
        flush_candidate_streams();
    }

    fn ok(&self, value: &str) {
        let mut line = format!("R {} {{\"ok\":true,\"value\":", self.index);
        line.push_str(value);
        line.push_str(",\"ms\":");
        self.ms.write(&mut line);
        line.push('}');
        control(&line);
    }

    fn fail(&self, kind: &str, error: String, line_no: Option<u32>) {
        let mut line = format!("R {} {{\"ok\":false,\"kind\":\"{}\",\"error\":", self.index, kind);
        write_string(&mut line, &limit(error));
        match line_no {
            Some(n) => {
                let _ = write!(line, ",\"line\":{}", n);
            }
            None => line.push_str(",\"line\":null"),
        }
        line.push_str(",\"ms\":");
        self.ms.write(&mut line);
        line.push('}');
        control(&line);
    }

    /// Runs the candidate's call (and the serialisation of its result) for this test. `call` returns the judged value,
    /// `write` serialises it after the clock stops. Only this thin wrapper is generic (instantiated in each compile);
    /// the work is in `call_timed` and `finish`, compiled once here: a trivial solution's compile costs half as much.
    pub fn execute<V>(self, call: impl FnOnce() -> V, write: impl FnOnce(&mut String, &V) -> WriteResult) {
        let mut value: Option<V> = None;
        let mut call = Some(call);
        let Some(test) = self.call_timed(&mut || value = call.take().map(|c| c())) else { return };
        let Some(value) = value else { return };
        let mut write = Some(write);
        test.finish(&mut |out| match write.take() {
            Some(w) => w(out, &value),
            None => Ok(()),
        });
        // The value is dropped after its result is sent (a long list's drop is not the candidate's time).
        drop(value);
    }

    /// The call between the markers and the clock; a panic is reported here (None: nothing more to do).
    #[inline(never)]
    fn call_timed(mut self, call: &mut dyn FnMut()) -> Option<Test> {
        self.start();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| call()));
        self.stop();
        if outcome.is_err() {
            let (message, location) = PANIC.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
            let (text, line) = describe_panic(message, location);
            self.fail("runtime", text, line);
            return None;
        }
        Some(self)
    }

    #[inline(never)]
    fn finish(self, write: &mut dyn FnMut(&mut String) -> WriteResult) {
        let mut out = String::new();
        let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| write(&mut out)));
        match written {
            Ok(Ok(())) => self.ok(&out),
            Ok(Err(e)) => self.fail("output", format!("return value cannot be serialised: {}", e), None),
            Err(_) => self.fail("output", "return value cannot be serialised".into(), None),
        }
    }
}

/// LeetCode's form: "panicked at solution.rs:7:13:\nindex out of bounds: ..."; the line only when it is the
/// candidate's (a panic inside the standard library without #[track_caller] names the library's file).
fn describe_panic(message: String, location: Option<(String, u32, u32)>) -> (String, Option<u32>) {
    match location {
        Some((file, line, col)) => {
            let candidate = file == CANDIDATE_FILE || file.ends_with("/solution.rs");
            let shown = if candidate { CANDIDATE_FILE.to_string() } else { file };
            (format!("panicked at {}:{}:{}: {}", shown, line, col, message), if candidate { Some(line) } else { None })
        }
        None => (format!("panicked: {}", message), None),
    }
}

pub const CANDIDATE_FILE: &str = "solution.rs";

fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "Box<dyn Any>".to_string()
        };
        let location = info.location().map(|l| (l.file().to_string(), l.line(), l.column()));
        // The candidate's stderr shows what Rust's own hook would print.
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("main");
        match &location {
            Some((f, l, c)) => eprintln!("thread '{}' panicked at {}:{}:{}:\n{}", name, f, l, c, message),
            None => eprintln!("thread '{}' panicked:\n{}", name, message),
        }
        *PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some((message, location));
    }));
}

fn run_tests(body: fn(&mut Reader, Test)) {
    install_panic_hook();
    // Locked per line, not across the call: a candidate's own stdin read must not deadlock on the harness's lock.
    let input = std::io::stdin();
    let mut header = String::new();
    if input.read_line(&mut header).unwrap_or(0) == 0 {
        return;
    }
    let nonce = header_nonce(header.trim_end());
    let mut line = String::new();
    loop {
        line.clear();
        // One line at a time: the next test's input is written only after this one's result.
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let text = line.trim_end_matches(['\n', '\r']);
        let Some(tab) = text.find('\t') else { continue };
        let Ok(index) = text[..tab].parse::<i64>() else { continue };
        let mut reader = Reader::new(&text[tab + 1..]);
        let test = Test { index, nonce: nonce.clone(), started: None, ms: 0.0 };
        body(&mut reader, test);
    }
    flush_candidate_streams();
}

/// The call site's entry. The tests run on a thread whose stack is argv[1] bytes (a quarter of the memory limit):
/// depth 100,000 fits, and runaway recursion hits the guard page (Rust's "has overflowed its stack", SIGABRT, a
/// runtime error) before the stack's pages reach the memory limit.
pub fn run(body: fn(&mut Reader, Test)) -> ! {
    let stack = std::env::args().nth(1).and_then(|s| s.parse::<usize>().ok()).unwrap_or(0);
    if stack == 0 {
        run_tests(body);
    } else {
        let spawned = std::thread::Builder::new().name("main".into()).stack_size(stack).spawn(move || run_tests(body));
        match spawned {
            Ok(handle) => {
                let _ = handle.join();
            }
            Err(_) => run_tests(body),
        }
    }
    flush_candidate_streams();
    // No destructors or atexit work after the last result.
    std::process::exit(0)
}

/// A test whose input did not parse (a judge bug, not the candidate's).
pub fn bad_input(test: Test, error: String) {
    let mut t = test;
    t.start();
    t.stop();
    t.fail("runtime", format!("the judge's input could not be read: {}", error), None);
}
