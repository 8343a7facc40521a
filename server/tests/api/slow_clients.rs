//! Connections that never finish their headers, or sit idle, are closed (issue 28): the server
//! as `main` serves it (`serve::serve`), on a real socket, with a header limit of one second.
//! Each test waits for the close at most ten seconds: a server without the limit fails it.

use crate::common;

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const LIMIT: Duration = Duration::from_secs(1);
const PATIENCE: Duration = Duration::from_secs(10);

async fn served() -> (std::net::SocketAddr, common::TestServer) {
    let s = common::server().await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = s.router.clone();
    tokio::spawn(infoshos_server::serve::serve(
        listener,
        router,
        LIMIT,
        std::future::pending(),
    ));
    (addr, s)
}

/// Whether the server closed the connection (or reset it) before `PATIENCE` ran out, reading
/// whatever it sends meanwhile.
async fn closed_by_server(stream: &mut TcpStream) -> bool {
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        match tokio::time::timeout(Duration::from_millis(200), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) | Err(_) => {}
        }
    }
    false
}

#[tokio::test]
async fn a_client_dribbling_its_headers_is_cut_off() {
    let (addr, _s) = served().await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /api/states HTTP/1.1\r\n")
        .await
        .unwrap();
    let began = Instant::now();
    let dribble = async {
        // One header line every 300 ms, for ever: only the server can end this.
        for i in 0.. {
            let line = format!("X-Slow-{i}: yes\r\n");
            if stream.write_all(line.as_bytes()).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
            if began.elapsed() > PATIENCE {
                return;
            }
        }
    };
    dribble.await;
    assert!(
        began.elapsed() < PATIENCE,
        "still sending headers after {:?}",
        began.elapsed()
    );
}

#[tokio::test]
async fn an_idle_connection_and_a_half_request_line_are_closed() {
    let (addr, _s) = served().await;
    let mut idle = TcpStream::connect(addr).await.unwrap();
    let mut half = TcpStream::connect(addr).await.unwrap();
    half.write_all(b"GET /api/sta").await.unwrap();
    assert!(
        closed_by_server(&mut idle).await,
        "an idle connection stayed"
    );
    assert!(
        closed_by_server(&mut half).await,
        "a half request line stayed"
    );
}

#[tokio::test]
async fn a_kept_alive_connection_serves_and_then_is_closed_when_idle() {
    let (addr, _s) = served().await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = stream.read(&mut buf).await.unwrap();
    let answer = String::from_utf8_lossy(&buf[..n]);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        closed_by_server(&mut stream).await,
        "an idle keep-alive stayed"
    );
}
