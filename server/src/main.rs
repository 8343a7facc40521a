use clap::Parser;
use infoshos_server::auth::session;
use infoshos_server::cli::backup;
use infoshos_server::config::check;
use infoshos_server::{
    config, config::Config, media, most_read, rates, router, seed, serve, state, storage,
    storage::Storage, telemetry,
};

/// The lease replicas take in turn for their start-up writes, and how long one may hold it (a
/// replica killed while holding it delays the others by at most this).
const START_UP: &str = "start-up";
const START_UP_WITHIN: std::time::Duration = std::time::Duration::from_secs(60);

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A bad setting stops the start with one line saying what is allowed, and exit code 2.
    let config = Config::try_parse().unwrap_or_else(|error| match check::one_line(&error) {
        Some(line) => {
            eprintln!("{line}");
            std::process::exit(2);
        }
        None => error.exit(),
    });
    telemetry::logs::init(config.log_format);

    match &config.command {
        None => {}
        Some(config::Command::Backup { file }) => {
            match backup::backup(&config.database_url, file).await {
                Ok(()) => println!("infoshos-server: backed up into {}", file.display()),
                Err(err) => {
                    eprintln!("infoshos-server backup: {err}");
                    std::process::exit(1);
                }
            }
            return Ok(());
        }
        Some(config::Command::RecoveryToken) => {
            let storage = open_storage(&config.database_url).await;
            let now = chrono::Utc::now().timestamp_millis();
            let token = infoshos_server::auth::recovery::make_token(&storage, now).await?;
            println!(
                "Recovery token for /admin: one more admin, once, within an hour (shown once): {token}"
            );
            return Ok(());
        }
        Some(config::Command::Seed { articles, comments }) => {
            let storage = open_storage(&config.database_url).await;
            seed::load_states(&storage).await?;
            let codes: Vec<String> = storage
                .states()
                .await?
                .into_iter()
                .map(|s| s.code)
                .collect();
            let started = std::time::Instant::now();
            let now = chrono::Utc::now().timestamp_millis();
            let added = storage.generate(*articles, *comments, &codes, now).await?;
            println!(
                "infoshos-server: {added} articles with {comments} comments each in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            return Ok(());
        }
    }
    let storage = open_storage(&config.database_url).await;
    // Replicas starting together on one PostgreSQL take these steps one at a time: each is
    // safe to repeat, not to interleave (two would seed the demo twice).
    let holder = storage::new_holder();
    storage
        .wait_for_lease(START_UP, &holder, START_UP_WITHIN)
        .await?;
    if !config.no_demo {
        seed::seed_if_empty(&storage).await?;
        if !config.no_demo_photos {
            seed::seed_demo_photos(&storage, None).await?;
        }
    }
    seed::load_states(&storage).await?;
    rates::ensure_some_rates(&storage).await?;
    let form_secret = storage.form_secret().await?;
    if let Some(token) = session::ensure_token(&storage, config.admin_token.as_deref()).await? {
        // Shown this once: only its hash is kept, until the first admin spends it at /admin.
        println!("First-start token for /admin, to set up the first admin (shown once): {token}");
    }
    storage.release_lease(START_UP, &holder).await?;
    rates::spawn_refresh(
        storage.clone(),
        config.rates_url.clone(),
        config.rates_every_hours,
    );
    infoshos_server::schedule::spawn_schedule(storage.clone());
    rates::backfill::spawn_backfill(
        storage.clone(),
        config.rates_history_url.clone(),
        rates::backfill::PAUSE,
        rates::backfill::EVERY,
    );

    let state = state::AppState::new(storage, &config.dist)
        .with_form_secret(form_secret)
        .with_public_url(&config.public_url())
        .with_tls(config.tls)
        .with_premoderation(config.moderation == config::Moderation::Pre)
        .with_comment_quota(config.comment_quota())
        .with_login_quota(config.sign_in_quota())
        .with_account_quota(config.sign_in_quota())
        .with_trusted_proxies(config.trusted_proxies.clone())
        .with_embed_origins(&config.embed_origins)?;
    let state = if config.no_read_counts {
        state.without_read_counts()
    } else {
        state
    };
    let (reads, reads_storage) = (state.reads.clone(), state.storage.clone());
    most_read::tally::spawn_flush(
        reads.clone(),
        reads_storage.clone(),
        std::time::Duration::from_secs(config.read_counts_every),
    );
    let live = state.live.clone();
    infoshos_server::live::desk::spawn_desk(
        state.storage.clone(),
        live.clone(),
        infoshos_server::live::desk::EVERY,
    );
    let metrics_storage = state.storage.clone();
    media::process::spawn_make_missing_avif(state.storage.clone(), state.photo_workers.clone());
    let router = router::app(state);
    let listener = bind(config.addr, "INFOSHOS_ADDR").await;
    if let Some(addr) = config.metrics_addr {
        telemetry::metrics::handle();
        let metrics = bind(addr, "INFOSHOS_METRICS_ADDR").await;
        println!("Metrics on http://{}/metrics", metrics.local_addr()?);
        let router = telemetry::metrics::router(metrics_storage);
        tokio::spawn(serve::serve(
            metrics,
            router,
            serve::HEADER_READ,
            shutdown_signal(),
        ));
    }
    // On stdout, always: the address actually bound (INFOSHOS_ADDR may name port 0), for the
    // operator and for the end-to-end harness, which checks it started the server it talks to.
    println!("Infoshos listening on http://{}", listener.local_addr()?);
    // Open streams of new stories end with the server, so the drain waits for none of them.
    let stopping = async move {
        shutdown_signal().await;
        live.stop();
    };
    serve::serve(listener, router, serve::HEADER_READ, stopping).await;
    // The readings since the last batch, before the process goes.
    if let Err(err) = reads.flush(&reads_storage).await {
        tracing::warn!(error = %err, "the last readings could not be stored");
    }
    Ok(())
}

/// A listener on `addr`, or one line naming the setting and exit code 1.
async fn bind(addr: std::net::SocketAddr, setting: &str) -> tokio::net::TcpListener {
    match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("infoshos-server: cannot listen on {addr} ({setting}): {err}");
            std::process::exit(1);
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

/// The database, or one line saying why it cannot be used (its password left out) and exit
/// code 1: a PostgreSQL that is down or refuses us is the operator's to mend, not a backtrace.
async fn open_storage(url: &str) -> Storage {
    match Storage::open(url).await {
        Ok(storage) => storage,
        Err(err) => {
            let shown = match url::Url::parse(url) {
                Ok(mut u) if u.password().is_some() => {
                    let _ = u.set_password(Some("***"));
                    u.to_string()
                }
                _ => url.to_string(),
            };
            eprintln!("infoshos-server: cannot open the database at {shown}: {err}");
            std::process::exit(1);
        }
    }
}
