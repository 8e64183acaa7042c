// TcpStream and UdpSocket to the internet and to the host's own services: no network namespace route, no packet.
use std::net::{SocketAddr, TcpStream, ToSocketAddrs, UdpSocket};
use std::time::Duration;
fn main() {
    for target in ["1.1.1.1:80", "127.0.0.1:5432", "127.0.0.1:6379", "127.0.0.1:5672"] {
        let addr: SocketAddr = target.parse().unwrap();
        match TcpStream::connect_timeout(&addr, Duration::from_secs(2)) {
            Ok(_) => println!("{} CONNECTED", target),
            Err(e) => println!("{} {:?}", target, e.kind()),
        }
    }
    match UdpSocket::bind("0.0.0.0:0") {
        Ok(s) => println!("udp bound, send {:?}", s.send_to(b"x", "8.8.8.8:53").map_err(|e| e.kind())),
        Err(e) => println!("udp {:?}", e.kind()),
    }
    match "example.com:80".to_socket_addrs() {
        Ok(mut a) => println!("resolved {:?}", a.next()),
        Err(e) => println!("dns {:?}", e.kind()),
    }
}
