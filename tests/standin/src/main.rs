//! `mvsep-standin [--port N] [--data DIR] [--static DIR] [--algorithms 2024|2026] ...`
//! (every flag also as an environment variable; see the README).

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{}", include_str!("../USAGE.txt"));
        return;
    }
    let config = match mvsep_standin::config::Config::from_args(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("mvsep-standin: {e}");
            std::process::exit(2);
        }
    };
    let port = config.port;
    let shutdown = async {
        let ctrl_c = tokio::signal::ctrl_c();
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("signal handler");
        tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
    };
    println!("mvsep-standin listening on http://127.0.0.1:{port}");
    if let Err(e) = mvsep_standin::serve(config, shutdown).await {
        eprintln!("mvsep-standin: {e}");
        std::process::exit(1);
    }
}
