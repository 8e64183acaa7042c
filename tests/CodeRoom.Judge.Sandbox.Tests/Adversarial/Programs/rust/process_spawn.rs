// std::process::Command: the child runs in the same empty sandbox, as the same unprivileged uid.
use std::process::Command;
fn main() {
    match Command::new("/bin/sh").args(["-c", "echo exec uid=$(id -u); cat /etc/shadow; ls /work"]).output() {
        Ok(out) => {
            print!("{}", String::from_utf8_lossy(&out.stdout));
            print!("{}", String::from_utf8_lossy(&out.stderr));
        }
        Err(e) => println!("spawn failed {}", e),
    }
}
