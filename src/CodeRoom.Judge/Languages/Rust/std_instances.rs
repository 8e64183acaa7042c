//! Instances of the standard library's generic code that LeetCode solutions use most (HashMap and HashSet of the
//! usual keys, sorting, heaps, BTreeMap, VecDeque, the common collects), compiled and optimised once, in the harness
//! rlib. Every compile passes `-Z share-generics=yes`: rustc then links a candidate's `HashMap<i32, i32>::insert` to
//! the instance here instead of instantiating it and having LLVM optimise it again, which was a third of a fresh
//! Rust compile for a solution using a HashMap (docs/benchmarks.md). A type not listed is instantiated in the
//! candidate's crate, as before; nothing here changes what any code does.
//!
//! Only generic code whose type arguments are all named here can be shared: a call taking the candidate's closure
//! (`sort_by`, `map`) is still compiled with the candidate's code.
use crate::TreeNode;
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, VecDeque};
use std::hint::black_box;
use std::rc::Rc;

/// A value of any type for the calls below, which never run: `instantiate` only has to be compiled.
fn value<T>() -> T {
    black_box(None).expect("never called")
}

macro_rules! hash_maps {
    ($($k:ty => $v:ty),* $(,)?) => {$({
        let mut m: HashMap<$k, $v> = HashMap::new();
        black_box(HashMap::<$k, $v>::with_capacity(black_box(8)));
        let k: $k = value();
        m.insert(k.clone(), value());
        black_box(m.get(&k));
        black_box(m.get_mut(&k));
        black_box(m.contains_key(&k));
        black_box(m.entry(k.clone()).or_insert(value()));
        black_box(m.entry(k.clone()).or_default());
        black_box(m.entry(k.clone()).or_insert_with(value));
        for (a, b) in m.iter() { black_box((a, b)); }
        for (a, b) in m.iter_mut() { black_box((a, b)); }
        for a in m.keys() { black_box(a); }
        for b in m.values() { black_box(b); }
        let c = black_box(m.clone());
        for e in c { black_box(e); }
        black_box(m.remove(&k));
        black_box(m.len());
        let c = black_box(m.clone());
        black_box(c.into_values().collect::<Vec<$v>>());
        let c = black_box(m.clone());
        black_box(c.into_iter().collect::<Vec<($k, $v)>>());
        black_box(m);
    })*};
}

macro_rules! hash_sets {
    ($($k:ty),* $(,)?) => {$({
        let mut s: HashSet<$k> = HashSet::new();
        black_box(HashSet::<$k>::with_capacity(black_box(8)));
        let k: $k = value();
        black_box(s.insert(k.clone()));
        black_box(s.contains(&k));
        for a in s.iter() { black_box(a); }
        let c = black_box(s.clone());
        for a in c { black_box(a); }
        black_box(s.remove(&k));
        black_box(s.len());
        black_box(black_box(vec![k.clone()]).into_iter().collect::<HashSet<$k>>());
        black_box(s);
    })*};
}

macro_rules! sorted {
    ($($k:ty),* $(,)?) => {$({
        let mut v: Vec<$k> = black_box(vec![value(), value()]);
        v.sort();
        v.sort_unstable();
        v.dedup();
        black_box(v.binary_search(&value::<$k>()));
        black_box(v.contains(&value::<$k>()));
        black_box(v.iter().max());
        black_box(v.iter().min());
        black_box(v);
    })*};
}

macro_rules! heaps {
    ($($k:ty),* $(,)?) => {$({
        let mut h: BinaryHeap<$k> = BinaryHeap::new();
        h.push(value());
        black_box(h.peek());
        black_box(h.pop());
        black_box(h.len());
        black_box(black_box(vec![value::<$k>()]).into_iter().collect::<BinaryHeap<$k>>().into_sorted_vec());
        let mut r: BinaryHeap<Reverse<$k>> = BinaryHeap::new();
        r.push(Reverse(value()));
        black_box(r.peek());
        black_box(r.pop());
        black_box((h, r));
    })*};
}

macro_rules! btrees {
    ($($k:ty => $v:ty),* $(,)?) => {$({
        let mut b: BTreeMap<$k, $v> = BTreeMap::new();
        b.insert(value(), value());
        black_box(b.entry(value()).or_insert(value()));
        black_box(b.get(&value::<$k>()));
        black_box(b.remove(&value::<$k>()));
        for e in b.iter() { black_box(e); }
        black_box(b.range(value::<$k>()..).next());
        black_box(b.range(..value::<$k>()).next_back());
        black_box(b.first_key_value());
        black_box(b.last_key_value());
        let mut t: BTreeSet<$k> = BTreeSet::new();
        t.insert(value());
        black_box(t.contains(&value::<$k>()));
        black_box(t.remove(&value::<$k>()));
        black_box(t.range(value::<$k>()..).next());
        black_box(t.first());
        black_box(t.last());
        black_box((b, t));
    })*};
}

macro_rules! deques {
    ($($t:ty),* $(,)?) => {$({
        let mut q: VecDeque<$t> = VecDeque::new();
        black_box(VecDeque::<$t>::with_capacity(black_box(8)));
        q.push_back(value());
        q.push_front(value());
        black_box(q.pop_front());
        black_box(q.pop_back());
        black_box(q.front());
        black_box(q.back());
        let mut v: Vec<$t> = Vec::new();
        v.push(value());
        black_box(v.pop());
        black_box(v.clone());
        black_box(vec![v.clone(); black_box(2)]);
        black_box(q);
    })*};
}

/// Never called: compiling it leaves its instances in the rlib, exported for every compile's `-Z share-generics`.
pub fn instantiate() {
    hash_maps!(
        i32 => i32, i32 => usize, i32 => i64, i32 => bool, i32 => Vec<i32>, i32 => Vec<usize>,
        i64 => i32, i64 => i64, i64 => usize,
        usize => usize, usize => i32, usize => Vec<usize>,
        char => i32, char => usize, u8 => i32, u8 => usize,
        String => i32, String => usize, String => Vec<String>, String => String,
        Vec<u8> => Vec<String>, Vec<i32> => i32, (i32, i32) => i32, (i32, i32) => bool, (usize, usize) => usize,
    );
    hash_sets!(i32, i64, usize, char, u8, String, Vec<i32>, (i32, i32), (usize, usize));
    sorted!(i32, i64, usize, u8, char, String, (i32, i32), (i32, usize), Vec<i32>);
    heaps!(i32, i64, (i32, i32), (i32, usize), (i64, usize), (usize, usize));
    btrees!(i32 => i32, i64 => i64);
    deques!(i32, i64, usize, bool, char, u8, (i32, i32), (usize, usize), (usize, i32), (i32, usize), Rc<RefCell<TreeNode>>,
        Option<Rc<RefCell<TreeNode>>>, (Rc<RefCell<TreeNode>>, i32), (Rc<RefCell<TreeNode>>, usize));
    black_box(black_box(String::new()).chars().collect::<Vec<char>>());
    black_box(black_box(String::new()).chars().rev().collect::<String>());
    black_box(black_box(String::new()).bytes().collect::<Vec<u8>>());
    black_box(black_box(String::new()).split_whitespace().collect::<Vec<&str>>());
    black_box(black_box(vec!['a']).iter().collect::<String>());
    black_box(black_box(vec!['a']).into_iter().collect::<String>());
    black_box(vec![vec![0i32; black_box(2)]; black_box(2)]);
    black_box(vec![vec![0i64; black_box(2)]; black_box(2)]);
    black_box(vec![vec![0usize; black_box(2)]; black_box(2)]);
    black_box(vec![vec![false; black_box(2)]; black_box(2)]);
    black_box(vec![vec![0.0f64; black_box(2)]; black_box(2)]);
    black_box(vec![vec!['.'; black_box(2)]; black_box(2)]);
}
