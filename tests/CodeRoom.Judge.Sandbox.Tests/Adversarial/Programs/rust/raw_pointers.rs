// `unsafe` raw pointer writes: to the null page, then to a wild address. A SIGSEGV inside the box, nothing more.
fn main() {
    println!("start");
    unsafe {
        let wild = 0x7f00_dead_0000usize as *mut u64;
        if std::env::args().nth(1).as_deref() == Some("null") {
            std::ptr::write_volatile(std::ptr::null_mut::<u64>(), 1);
        }
        std::ptr::write_volatile(wild, 0xdead_beef);
    }
    println!("survived");
}
