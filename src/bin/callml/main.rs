//! `callml`: lint, format and convert call-control documents, and explain webhook payloads.

use std::io::{Read, Write};
use std::process::ExitCode;

use callml::Dialect;
use callml::event::{Provider, parse_as};
use callml::twiml::Profile;
use callml::xml::{Finding, ParseError, ParseLimits, Position, Render, RenderOptions, Severity, read_document};
use clap::{Parser, Subcommand, ValueEnum};

mod sim;

const EXAMPLES: &str = "\
Examples:
  callml check handlers/*.xml                 lint TwiML or BXML files (dialect detected)
  callml check --profile acml --strict a.xml  lint against the ACML providers' docs, warnings fail
  callml fmt --pretty reply.xml               print the canonical, indented document
  callml fmt --check reply.xml                exit 1 unless the file is already formatted
  callml to-json reply.xml > flow.json        XML to the JSON form
  callml render flow.json                     the JSON form back to XML
  curl ... | callml event -                   explain a webhook payload from stdin
  callml event --provider twiml --content-type application/x-www-form-urlencoded post.txt
  callml sim menu.sim.toml --url http://127.0.0.1:3000   run a call flow against a running app
  callml sim flow.sim.toml --files ./flows             the same against static TwiML/BXML files";

#[derive(Parser)]
#[command(name = "callml", version, about = "Lint, format and convert TwiML/BXML documents; explain call webhooks; simulate calls.", after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum DialectArg {
    Auto,
    Twiml,
    Bxml,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    Twilio,
    Acml,
}

/// `--provider`'s value: `None` for `auto` (an alias, so clap does not take the `Option` as "the
/// flag may be left out").
type ProviderChoice = Option<Provider>;

/// `--provider`: `auto` (detect) or a provider's name (`event::Provider`).
fn provider_arg(name: &str) -> Result<ProviderChoice, String> {
    if name == "auto" { Ok(None) } else { name.parse().map(Some).map_err(|e| format!("{e} (or auto)")) }
}

#[derive(Subcommand)]
enum Command {
    /// Parse and validate documents; prints FILE:LINE:COL: error|warning: message.
    #[command(
        after_help = "Exit status: 0 no errors, 1 any error (or warning with --strict), 2 usage or I/O error.\n\nExample: callml check --profile acml reply.xml"
    )]
    Check {
        /// Dialect of the files.
        #[arg(long, value_enum, default_value_t = DialectArg::Auto)]
        dialect: DialectArg,
        /// TwiML provider profile.
        #[arg(long, value_enum, default_value_t = ProfileArg::Twilio)]
        profile: ProfileArg,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Files to check (`-` for stdin).
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Re-render a document canonically (lossless for what the tree holds).
    #[command(after_help = "Example: callml fmt --pretty reply.xml")]
    Fmt {
        /// Indent by two spaces.
        #[arg(long)]
        pretty: bool,
        /// Only check: exit 1 when the file is not formatted.
        #[arg(long)]
        check: bool,
        /// Dialect of the file.
        #[arg(long, value_enum, default_value_t = DialectArg::Auto)]
        dialect: DialectArg,
        /// File (`-` for stdin).
        file: String,
    },
    /// The JSON form of a document to XML.
    #[command(after_help = "Example: callml render flow.json")]
    Render {
        /// Dialect of the document.
        #[arg(long, value_enum, default_value_t = DialectArg::Auto)]
        dialect: DialectArg,
        /// Indent by two spaces.
        #[arg(long)]
        pretty: bool,
        /// File (`-` for stdin).
        file: String,
    },
    /// A document to its JSON form.
    #[command(name = "to-json", after_help = "Example: callml to-json reply.xml")]
    ToJson {
        /// Dialect of the document.
        #[arg(long, value_enum, default_value_t = DialectArg::Auto)]
        dialect: DialectArg,
        /// File (`-` for stdin).
        file: String,
    },
    /// Explain a webhook payload: {"provider", "eventType", "call", "event"} as JSON.
    #[command(after_help = "Example: callml event --content-type application/json initiate.json")]
    Event {
        /// Payload format: auto, bandwidth-v1, bandwidth-v2 or twiml.
        #[arg(long, value_parser = provider_arg, default_value = "auto")]
        provider: ProviderChoice,
        /// The request's Content-Type (otherwise guessed from the body).
        #[arg(long)]
        content_type: Option<String>,
        /// File (`-` for stdin).
        file: String,
    },
    /// Simulate a call against an application (or static files) and print the transcript.
    #[command(
        after_help = "Exit status: 0 every check held, 1 a check failed or the call ended in an application error, 2 usage, script or I/O error, 3 the application could not be reached.\n\nExample: callml sim menu.sim.toml --url http://127.0.0.1:3000 --format json"
    )]
    Sim(sim::SimArgs),
}

/// A failure: its message, and whether it is a usage/I/O problem (exit 2) or bad input (exit 1).
struct Failure {
    message: String,
    code: u8,
}

fn bad_input(message: impl Into<String>) -> Failure {
    Failure { message: message.into(), code: 1 }
}

/// The most bytes read from one input: the reader's own limit, so `/dev/zero` or a pipe that never
/// ends is an error after 4 MiB, not a program that fills memory.
const MAX_INPUT: usize = callml::xml::ParseLimits::DEFAULT.bytes();

fn read(file: &str) -> Result<Vec<u8>, Failure> {
    let failure = |e: std::io::Error| Failure { message: format!("{file}: {e}"), code: 2 };
    let mut buf = Vec::new();
    let limit = MAX_INPUT as u64 + 1;
    if file == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut buf).map_err(failure)?;
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut buf)).map_err(failure)?;
    }
    if buf.len() > MAX_INPUT {
        return Err(bad_input(format!("{file}: input larger than {MAX_INPUT} bytes")));
    }
    Ok(buf)
}

fn text(file: &str, bytes: &[u8]) -> Result<String, Failure> {
    String::from_utf8(bytes.to_vec())
        .map_err(|e| bad_input(format!("{file}: not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to())))
}

/// A parsed document, borrowing its strings from the input it was read from.
enum Document<'a> {
    Twiml(callml::twiml::Response<'a>),
    Bxml(callml::bxml::Response<'a>),
    BxmlRoot(callml::bxml::Bxml<'a>),
}

impl Document<'_> {
    fn render(&self, options: RenderOptions) -> String {
        match self {
            Document::Twiml(d) => d.to_xml_with(options),
            Document::Bxml(d) => d.to_xml_with(options),
            Document::BxmlRoot(d) => d.to_xml_with(options),
        }
    }
    fn to_json(&self) -> serde_json::Value {
        match self {
            Document::Twiml(d) => d.to_json(),
            Document::Bxml(d) => d.to_json(),
            Document::BxmlRoot(d) => d.to_json(),
        }
    }
    fn validate(&self, profile: Profile) -> Vec<Finding> {
        match self {
            Document::Twiml(d) => d.validate_for(profile),
            Document::Bxml(d) => d.validate(),
            Document::BxmlRoot(d) => d.validate(),
        }
    }
}

fn parse_xml(arg: DialectArg, input: &str) -> Result<Document<'_>, ParseError> {
    let root = read_document(input, ParseLimits::DEFAULT)?;
    let dialect = match arg {
        DialectArg::Twiml => Dialect::Twiml,
        DialectArg::Bxml => Dialect::Bxml,
        DialectArg::Auto => Dialect::detect(&root),
    };
    Ok(match (dialect, &*root.name) {
        (Dialect::Twiml, _) => Document::Twiml(callml::twiml::Response::from_xml_borrowed(input)?),
        (Dialect::Bxml, "Bxml") => Document::BxmlRoot(callml::bxml::Bxml::from_xml_borrowed(input)?),
        (Dialect::Bxml, _) => Document::Bxml(callml::bxml::Response::from_xml_borrowed(input)?),
    })
}

fn location(file: &str, position: Position) -> String {
    format!("{file}:{}:{}", position.line, position.column)
}

fn check(dialect: DialectArg, profile: ProfileArg, strict: bool, files: &[String]) -> Result<bool, Failure> {
    let profile = match profile {
        ProfileArg::Twilio => Profile::Twilio,
        ProfileArg::Acml => Profile::Acml,
    };
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    for file in files {
        // An input too large is a finding of its file, like one that is not UTF-8.
        let input = match read(file).and_then(|bytes| text(file, &bytes)) {
            Ok(t) => t,
            Err(f) if f.code == 2 => return Err(f),
            Err(f) => {
                let _ = writeln!(out, "{file}:1:1: error: {}", f.message.trim_start_matches(&format!("{file}: ")));
                failed = true;
                continue;
            }
        };
        let doc = match parse_xml(dialect, &input) {
            Ok(d) => d,
            Err(e) => {
                let path = if e.path.is_empty() { String::new() } else { format!(" ({})", e.path) };
                let _ = writeln!(out, "{}: error: {}{path}", location(file, e.position), e.kind);
                failed = true;
                continue;
            }
        };
        let root = read_document(&input, ParseLimits::DEFAULT).ok();
        for f in doc.validate(profile) {
            let offset = root.as_ref().and_then(|r| r.offset_of(&f.path)).unwrap_or(0);
            let severity = if strict { Severity::Error } else { f.severity };
            failed |= severity == Severity::Error;
            let _ = writeln!(
                out,
                "{}: {severity}: {} ({})",
                location(file, Position::at(&input, offset)),
                f.message,
                f.path
            );
        }
    }
    Ok(failed)
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let mut stdout = std::io::stdout().lock();
    match cli.command {
        Command::Check { dialect, profile, strict, files } => {
            let failed = check(dialect, profile, strict, &files)?;
            return Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS });
        }
        Command::Fmt { pretty, check, dialect, file } => {
            let input = text(&file, &read(&file)?)?;
            let doc = parse_xml(dialect, &input).map_err(|e| bad_input(format!("{file}: {e}")))?;
            let formatted = doc.render(RenderOptions::new().pretty(pretty)) + "\n";
            if check {
                if input != formatted && input != formatted.trim_end() {
                    eprintln!("{file}: not formatted");
                    return Ok(ExitCode::from(1));
                }
            } else {
                let _ = stdout.write_all(formatted.as_bytes());
            }
        }
        Command::Render { dialect, pretty, file } => {
            let input = text(&file, &read(&file)?)?;
            let json: serde_json::Value =
                serde_json::from_str(&input).map_err(|e| bad_input(format!("{file}: {e}")))?;
            let dialect = match dialect {
                DialectArg::Twiml => Dialect::Twiml,
                DialectArg::Bxml => Dialect::Bxml,
                DialectArg::Auto => Dialect::detect_json(&json),
            };
            let err = |e: callml::xml::JsonError| bad_input(format!("{file}: {e}"));
            let doc = match dialect {
                Dialect::Twiml => Document::Twiml(callml::twiml::Response::from_json(&json).map_err(err)?),
                Dialect::Bxml if json.get("Bxml").is_some() => {
                    Document::BxmlRoot(callml::bxml::Bxml::from_json(&json).map_err(err)?)
                }
                Dialect::Bxml => Document::Bxml(callml::bxml::Response::from_json(&json).map_err(err)?),
            };
            let _ = writeln!(stdout, "{}", doc.render(RenderOptions::new().pretty(pretty)));
        }
        Command::ToJson { dialect, file } => {
            let input = text(&file, &read(&file)?)?;
            let doc = parse_xml(dialect, &input).map_err(|e| bad_input(format!("{file}: {e}")))?;
            let _ = writeln!(stdout, "{}", serde_json::to_string_pretty(&doc.to_json()).unwrap_or_default());
        }
        Command::Sim(args) => return sim::run(args),
        Command::Event { provider, content_type, file } => {
            let bytes = read(&file)?;
            let event =
                parse_as(provider, content_type.as_deref(), &bytes).map_err(|e| bad_input(format!("{file}: {e}")))?;
            let _ = writeln!(stdout, "{}", serde_json::to_string_pretty(&event.to_summary_json()).unwrap_or_default());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("callml: {}", failure.message.lines().next().unwrap_or(""));
            ExitCode::from(failure.code)
        }
    }
}
