#![allow(dead_code)] // each includer (tests, soak) uses a different part
//! The real server binary on loopback, for the tests and tools that kill it (durability test,
//! `make soak`), and new PostgreSQL databases for them; included by path from both.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A port nobody listens on now (the system's pick), for one server of one test.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `bin` on `port` with the database `db` and the app folder `dist`, no network for
/// the rates, and any `extra` settings.
pub fn start(
    bin: &str,
    db: &str,
    port: u16,
    dist: &std::path::Path,
    extra: &[(&str, &str)],
) -> Child {
    command(bin, db, port, dist, extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start infoshos-server (make server builds it)")
}

/// Like `start`, with everything the server logs (at `debug`, unless `extra` says otherwise)
/// and prints written to `log`.
pub fn start_logged(
    bin: &str,
    db: &str,
    port: u16,
    dist: &std::path::Path,
    extra: &[(&str, &str)],
    log: &std::path::Path,
) -> Child {
    let file = std::fs::File::create(log).unwrap();
    command(
        bin,
        db,
        port,
        dist,
        &[&[("RUST_LOG", "debug")], extra].concat(),
    )
    .stdout(file.try_clone().unwrap())
    .stderr(file)
    .spawn()
    .expect("start infoshos-server (make server builds it)")
}

fn command(
    bin: &str,
    db: &str,
    port: u16,
    dist: &std::path::Path,
    extra: &[(&str, &str)],
) -> Command {
    let mut command = Command::new(bin);
    command
        .env("INFOSHOS_ADDR", format!("127.0.0.1:{port}"))
        .env("INFOSHOS_DATABASE_URL", db)
        .env("INFOSHOS_DIST", dist)
        .env("INFOSHOS_RATES_URL", "file:///nonexistent/rates.xml")
        .env("INFOSHOS_RATES_HISTORY_URL", "file:///nonexistent/{id}.xml")
        // Drawing the demo's photos takes a debug build most of a minute (`photos_api` draws one).
        .env("INFOSHOS_NO_DEMO_PHOTOS", "true")
        .env("RUST_LOG", "error");
    for (name, value) in extra {
        command.env(name, value);
    }
    command
}

pub async fn wait_healthy(client: &reqwest::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(r) = client.get(format!("{base}/api/health")).send().await
            && r.status().is_success()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the server did not come up");
}

/// The form token an article's page gets (see the server's `form_token`).
pub async fn form_token(client: &reqwest::Client, base: &str, slug: &str) -> String {
    let article: serde_json::Value = client
        .get(format!("{base}/api/articles/{slug}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    article["formToken"].as_str().unwrap().to_string()
}

/// A new, empty database `name` on the PostgreSQL server at `server` (a `postgres://` URL, as
/// `scripts/with-postgres.sh` exports it), and its URL.
pub async fn new_postgres_database(server: &str, name: &str) -> String {
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(server).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let mut url = url::Url::parse(server).unwrap();
    url.set_path(name);
    url.into()
}

/// A PostgreSQL cluster of one test's own (Debian's initdb and pg_ctl, as `postgres` when we
/// are root), which the test may stop and start again: the shared one of
/// `scripts/with-postgres.sh` serves other tests at the same time. Removed when dropped.
pub struct OwnPostgres {
    dir: tempfile::TempDir,
    bin: std::path::PathBuf,
    pub port: u16,
}

impl OwnPostgres {
    /// `None` where no PostgreSQL server is installed (`scripts/install-tools.sh` installs it).
    pub fn start() -> Option<OwnPostgres> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .filter(|b| b.join("initdb").exists())
            .max()?;
        let dir = tempfile::Builder::new()
            .prefix("infoshos-own-pg")
            .tempdir()
            .unwrap();
        let pg = OwnPostgres {
            dir,
            bin,
            port: free_port(),
        };
        if is_root() {
            let chown = Command::new("chown")
                .arg("postgres:")
                .arg(pg.dir.path())
                .status();
            assert!(chown.unwrap().success());
        }
        let data = pg.dir.path().join("data");
        let init = pg
            .as_postgres(&pg.bin.join("initdb"))
            .args([
                "-U",
                "infoshos",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ])
            .arg("-D")
            .arg(&data)
            .output()
            .unwrap();
        assert!(
            init.status.success(),
            "{}",
            String::from_utf8_lossy(&init.stderr)
        );
        pg.start_again();
        Some(pg)
    }

    fn as_postgres(&self, program: &std::path::Path) -> Command {
        if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        }
    }

    pub fn url(&self) -> String {
        format!("postgres://infoshos@127.0.0.1:{}/postgres", self.port)
    }

    pub fn start_again(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let started = self
            .as_postgres(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-l"])
            .arg(self.dir.path().join("server.log"))
            .args(["-w", "-t", "30", "-o", &options, "start"])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(started.success(), "the test's own PostgreSQL did not start");
    }

    pub fn stop(&self) {
        let _ = self
            .as_postgres(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        self.stop();
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}
