// Touches memory without bound: the cgroup's memory limit ends it.
fn main() {
    let mut hog: Vec<Vec<u8>> = Vec::new();
    loop {
        hog.push(vec![7u8; 1 << 20]);
        std::hint::black_box(&hog);
    }
}
