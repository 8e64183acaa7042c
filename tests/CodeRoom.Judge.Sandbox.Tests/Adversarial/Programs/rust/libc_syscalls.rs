// libc through extern "C" (no crates): socket, ptrace of pid 1, unshare, mount and fork, each reported.
extern "C" {
    fn socket(domain: i32, kind: i32, protocol: i32) -> i32;
    fn ptrace(request: i64, pid: i32, addr: usize, data: usize) -> i64;
    fn unshare(flags: i32) -> i32;
    fn mount(source: *const u8, target: *const u8, fs: *const u8, flags: u64, data: usize) -> i32;
    fn fork() -> i32;
    fn waitpid(pid: i32, status: *mut i32, options: i32) -> i32;
    fn _exit(code: i32) -> !;
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn main() {
    unsafe {
        let s = socket(2, 1, 0); // AF_INET, SOCK_STREAM
        println!("socket inet {} {}", s, if s < 0 { errno() } else { 0 });
        let n = socket(16, 3, 0); // AF_NETLINK, SOCK_RAW
        println!("socket netlink {} {}", n, if n < 0 { errno() } else { 0 });
        let p = ptrace(16, 1, 0, 0); // PTRACE_ATTACH to pid 1
        println!("ptrace attach {} {}", p, if p < 0 { errno() } else { 0 });
        let u = unshare(0x10000000); // CLONE_NEWUSER
        println!("unshare user {} {}", u, if u < 0 { errno() } else { 0 });
        let m = mount(b"none\0".as_ptr(), b"/tmp\0".as_ptr(), b"tmpfs\0".as_ptr(), 0, 0);
        println!("mount {} {}", m, if m < 0 { errno() } else { 0 });
        let mut children = 0;
        for _ in 0..10_000 {
            let pid = fork();
            if pid == 0 {
                std::thread::sleep(std::time::Duration::from_secs(30));
                _exit(0);
            }
            if pid < 0 {
                break;
            }
            children += 1;
        }
        println!("forked {}", children);
        let mut status = 0;
        let _ = waitpid(-1, &mut status, 1);
    }
}
