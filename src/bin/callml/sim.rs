//! `callml sim`: run a call flow against an application (a URL, or static files) and print the
//! transcript.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use bytes::Bytes;
use callml::sim::{Application, Profile, Report, Script, Simulator};
use clap::{Args, ValueEnum};
use http_body_util::Full;

use super::Failure;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ProfileArg {
    Twilio,
    Acml,
    BandwidthV2,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub(crate) enum FormatArg {
    Text,
    Json,
}

/// `callml sim` arguments.
#[derive(Args)]
pub(crate) struct SimArgs {
    /// The script (TOML; `.json` files are read as JSON). Not needed with --interactive.
    script: Option<String>,
    /// The application's base URL (http://127.0.0.1:3000); with --interactive, the incoming-call URL.
    #[arg(long)]
    url: Option<String>,
    /// Answer each request from DIR/<path>.xml instead of an application (static documents).
    #[arg(long, value_name = "DIR", conflicts_with = "url")]
    files: Option<PathBuf>,
    /// The provider to play (overrides the script).
    #[arg(long, value_enum)]
    provider: Option<ProfileArg>,
    /// Transcript format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Write the transcript to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Seed of ids and timestamps (overrides the script).
    #[arg(long)]
    seed: Option<u64>,
    /// Sign TwiML requests with this auth token.
    #[arg(long)]
    auth_token: Option<String>,
    /// Credentials for Bandwidth's Basic challenge.
    #[arg(long, value_name = "USER:PASS")]
    basic: Option<String>,
    /// Type the caller's steps (`press 1`, `say "sales"`, `wait 5s`, `hang up`) on stdin.
    #[arg(long)]
    interactive: bool,
    /// The caller (interactive mode).
    #[arg(long)]
    from: Option<String>,
    /// Most documents one call may fetch (default 50).
    #[arg(long, value_name = "N")]
    max_documents: Option<u32>,
    /// Longest virtual call (default 4h).
    #[arg(long, value_name = "DURATION")]
    max_duration: Option<String>,
    /// Fail (exit 1) on lint findings of the documents served and on verbs the simulator skips.
    #[arg(long)]
    strict: bool,
    /// Print only the checks, not the transcript.
    #[arg(long)]
    quiet: bool,
}

fn usage(message: impl Into<String>) -> Failure {
    Failure { message: message.into(), code: 2 }
}

pub(crate) fn run(args: SimArgs) -> Result<ExitCode, Failure> {
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| usage(e.to_string()))?;
    match (&args.files, &args.url) {
        (Some(dir), _) => {
            let dir = dir.clone();
            let service = tower::service_fn(move |req: http::Request<Full<Bytes>>| {
                let dir = dir.clone();
                async move { Ok::<_, std::convert::Infallible>(serve_file(&dir, req.uri().path())) }
            });
            runtime.block_on(drive(&args, Simulator::new(service)))
        }
        (None, Some(url)) => {
            let (origin, path) = split_url(url);
            let sim = Simulator::new(callml::sim::http_client()).base_url(origin);
            if args.interactive {
                runtime.block_on(interactive(&args, sim, &path))
            } else {
                runtime.block_on(drive(&args, sim))
            }
        }
        (None, None) => Err(usage("give the application's --url, or --files DIR")),
    }
}

/// Splits `http://host:port/path` into the origin and the path.
fn split_url(url: &str) -> (String, String) {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(i) => (url[..after_scheme + i].to_owned(), url[after_scheme + i..].to_owned()),
        None => (url.to_owned(), "/".to_owned()),
    }
}

fn serve_file(dir: &std::path::Path, path: &str) -> http::Response<Full<Bytes>> {
    let relative = path.trim_start_matches('/');
    let mut file = dir.join(relative);
    if file.extension().is_none() {
        file.set_extension("xml");
    }
    let inside = !relative.split('/').any(|part| part == "..");
    match std::fs::read(&file) {
        Ok(body) if inside => http::Response::builder()
            .header(http::header::CONTENT_TYPE, "application/xml")
            .body(Full::new(Bytes::from(body)))
            .unwrap_or_default(),
        _ => http::Response::builder()
            .status(404)
            .header(http::header::CONTENT_TYPE, "text/plain")
            .body(Full::new(Bytes::from(format!("no file for {path}"))))
            .unwrap_or_default(),
    }
}

fn configure<S>(args: &SimArgs, mut sim: Simulator<S>) -> Result<Simulator<S>, Failure> {
    if let Some(seed) = args.seed {
        sim = sim.seed(seed);
    }
    if let Some(token) = &args.auth_token {
        sim = sim.auth_token(token.clone());
    }
    if let Some(basic) = &args.basic {
        let (user, password) = basic.split_once(':').ok_or_else(|| usage("--basic takes USER:PASS"))?;
        sim = sim.basic_auth(user, password);
    }
    if let Some(from) = &args.from {
        sim = sim.from(from.clone());
    }
    Ok(sim)
}

fn profile(arg: ProfileArg) -> Profile {
    match arg {
        ProfileArg::Twilio => Profile::Twilio,
        ProfileArg::Acml => Profile::Acml,
        ProfileArg::BandwidthV2 => Profile::BandwidthV2,
    }
}

async fn drive<S: Application>(args: &SimArgs, sim: Simulator<S>) -> Result<ExitCode, Failure> {
    let file = args.script.as_deref().ok_or_else(|| usage("give a script (or --interactive)"))?;
    let source = std::fs::read_to_string(file).map_err(|e| usage(format!("{file}: {e}")))?;
    let mut script = if file.ends_with(".json") { Script::from_json(&source) } else { Script::from_toml(&source) }
        .map_err(|e| usage(format!("{file}:{e}")))?;
    if let Some(p) = args.provider {
        script.set_profile(profile(p));
    }
    script.set_budget(args.max_documents, max_duration(args)?);
    let sim = configure(args, sim)?;
    let report = sim.run(&script).await.map_err(|e| usage(format!("{file}: {e}")))?;
    write_report(args, &report)?;
    let strict = if args.strict { report.strict_findings() } else { Vec::new() };
    for finding in &strict {
        eprintln!("callml: --strict: {finding}");
    }
    Ok(if report.unreachable() {
        ExitCode::from(3)
    } else if report.passed() && strict.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn max_duration(args: &SimArgs) -> Result<Option<u64>, Failure> {
    args.max_duration
        .as_deref()
        .map(|d| {
            callml::sim::parse_duration(d)
                .ok_or_else(|| usage(format!("--max-duration: expected a duration (`90s`, `4h`), found `{d}`")))
        })
        .transpose()
}

fn write_report(args: &SimArgs, report: &Report) -> Result<(), Failure> {
    let text = match args.format {
        FormatArg::Text if args.quiet => report
            .to_text()
            .lines()
            .filter(|l| l.starts_with("ok ") || l.starts_with("FAIL") || l.starts_with("checks:"))
            .map(|l| format!("{l}\n"))
            .collect(),
        FormatArg::Text => report.to_text(),
        FormatArg::Json => format!("{}\n", serde_json::to_string_pretty(&report.to_json()).unwrap_or_default()),
    };
    match &args.out {
        Some(path) => std::fs::write(path, text).map_err(|e| usage(format!("{}: {e}", path.display()))),
        None => {
            let _ = std::io::stdout().write_all(text.as_bytes());
            Ok(())
        }
    }
}

async fn interactive<S: Application>(args: &SimArgs, sim: Simulator<S>, url: &str) -> Result<ExitCode, Failure> {
    let mut sim = configure(args, sim)?;
    if let Some(p) = args.provider {
        sim = sim.profile(profile(p));
    }
    if args.max_documents.is_some() || args.max_duration.is_some() {
        sim = sim.budget(args.max_documents.unwrap_or(50), max_duration(args)?.unwrap_or(4 * 3_600_000));
    }
    let mut call = sim.start(url).await.map_err(|e| usage(e.to_string()))?;
    let mut shown = 0;
    let mut lines = std::io::stdin().lock().lines();
    loop {
        let text = call.transcript().to_text();
        let new: Vec<&str> = text.lines().skip(shown).collect();
        shown += new.len();
        for line in new {
            println!("{line}");
        }
        if call.is_ended() {
            break;
        }
        eprint!("> ");
        let Some(Ok(line)) = lines.next() else {
            call.hang_up().await;
            continue;
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        // Bare digits are a key press.
        let step = if line.chars().all(|c| matches!(c, '0'..='9' | '*' | '#')) {
            format!("press {line}")
        } else {
            line.replace("hangup", "hang up")
        };
        if let Err(e) = call.step(&step).await {
            eprintln!("callml: {e}");
        }
    }
    let report = Report { transcript: call.finish().await, checks: Vec::new() };
    Ok(if report.unreachable() {
        ExitCode::from(3)
    } else if report.application_error() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
