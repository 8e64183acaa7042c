// Host secrets and the service's files. argv[1..] are extra host paths (the test assembly directory, the canary file).
use std::fs;
fn main() {
    let mut paths: Vec<String> = ["/etc/shadow", "/etc/passwd", "/root", "/home", "/work", "/var/lib/postgresql",
        "/var/lib/coderoom", "/proc/self/root/etc/shadow"].iter().map(|s| s.to_string()).collect();
    paths.extend(std::env::args().skip(1));
    for p in &paths {
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => match fs::read_dir(p) {
                Ok(d) => println!("{} LISTED {}", p, d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).take(20).collect::<Vec<_>>().join(",")),
                Err(e) => println!("{} {:?}", p, e.kind()),
            },
            Ok(_) => match fs::read(p) {
                Ok(b) => println!("{} READ {}", p, String::from_utf8_lossy(&b[..b.len().min(200)])),
                Err(e) => println!("{} {:?}", p, e.kind()),
            },
            Err(e) => println!("{} {:?}", p, e.kind()),
        }
    }
    let mut root: Vec<String> = fs::read_dir("/").unwrap().filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    root.sort();
    println!("root {}", root.join(","));
    let env: Vec<String> = std::env::vars().map(|(k, _)| k).collect();
    println!("env [{}]", env.join(","));
}
