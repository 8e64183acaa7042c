// Spawns spinning threads until the pids limit refuses more, then spins: held by the pids limit, killed at the CPU limit.
fn main() {
    let mut spawned = 0;
    loop {
        match std::thread::Builder::new().stack_size(64 * 1024).spawn(|| loop { std::hint::black_box(0); }) {
            Ok(_) => spawned += 1,
            Err(_) => break,
        }
    }
    println!("spawned {}", spawned);
    loop { std::hint::black_box(spawned); }
}
