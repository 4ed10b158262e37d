//! The steps of a script: words (`press`, `"quoted"`, `~"contains"`, `/regex/`, `name=value`),
//! durations, and each step's meaning.

use super::ScriptError;
use crate::sim::DialOutcome;
use crate::sim::engine::CallerInput;
use crate::sim::expect::Expectation;

/// One word of a step.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    Word(String, usize),
    Quoted(String, usize),
    Contains(String, usize),
    Regex(String, usize),
    Field(String, String, String, usize),
}

impl Token {
    pub(crate) fn at(&self) -> usize {
        match self {
            Token::Word(_, at) | Token::Quoted(_, at) | Token::Contains(_, at) | Token::Regex(_, at) => *at,
            Token::Field(_, _, _, at) => *at,
        }
    }
    pub(crate) fn describe(&self) -> String {
        match self {
            Token::Word(w, _) => format!("`{w}`"),
            Token::Quoted(s, _) => format!("{s:?}"),
            Token::Contains(s, _) => format!("~{s:?}"),
            Token::Regex(s, _) => format!("/{s}/"),
            Token::Field(n, op, v, _) => format!("`{n}{op}{v}`"),
        }
    }
}

/// Splits a step into words: bare words, `"quoted strings"`, `~"contains"`, `/regex/` and
/// `name=value` (`<=`, `>=`; the value may be quoted). `offset` is added to positions.
pub(crate) fn tokens(s: &str, offset: usize) -> Result<Vec<Token>, ScriptError> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let at = offset + i;
        let quoted = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, close: char| {
            let mut text = String::new();
            while let Some((_, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, n)) = chars.next() {
                            text.push(n);
                        }
                    }
                    c if c == close => return Some(text),
                    c => text.push(c),
                }
            }
            None
        };
        match c {
            '"' => {
                chars.next();
                let text = quoted(&mut chars, '"').ok_or_else(|| ScriptError::at(at, "unterminated string"))?;
                out.push(Token::Quoted(text, at));
            }
            '~' => {
                chars.next();
                if chars.next().map(|(_, c)| c) != Some('"') {
                    return Err(ScriptError::at(at, "expected `\"` after `~`"));
                }
                let text = quoted(&mut chars, '"').ok_or_else(|| ScriptError::at(at, "unterminated string"))?;
                out.push(Token::Contains(text, at));
            }
            // `/regex/`: a word that starts and ends with `/`. A path (`/twiml/menu`) does not end
            // in `/`; a path that does must be quoted.
            '/' if regex_end(&s[i..]).is_some() => {
                let end = i + regex_end(&s[i..]).unwrap_or(0);
                out.push(Token::Regex(s[i + 1..end].to_owned(), at));
                while chars.peek().is_some_and(|&(j, _)| j <= end) {
                    chars.next();
                }
            }
            _ => {
                let mut word = String::new();
                while let Some(&(_, c)) = chars.peek() {
                    if c.is_whitespace() {
                        break;
                    }
                    if c == '"' && (word.ends_with('=')) {
                        chars.next();
                        let text = quoted(&mut chars, '"').ok_or_else(|| ScriptError::at(at, "unterminated string"))?;
                        word.push_str(&text);
                        word.push('\u{0}');
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                let quoted_value = word.ends_with('\u{0}');
                let word = word.trim_end_matches('\u{0}').to_owned();
                match split_field(&word) {
                    Some((name, op, value)) if !name.is_empty() && (quoted_value || !name.starts_with('/')) => {
                        out.push(Token::Field(name.to_owned(), op.to_owned(), value.to_owned(), at))
                    }
                    _ => out.push(Token::Word(word, at)),
                }
            }
        }
    }
    Ok(out)
}

/// Where the closing `/` of a regex starting at `s[0]` is: the word (up to whitespace) must end
/// in `/` and hold at least one character between the slashes (write a space as `\s`).
fn regex_end(s: &str) -> Option<usize> {
    let word = s.split(char::is_whitespace).next().unwrap_or("");
    (word.len() >= 3 && word.ends_with('/')).then(|| word.len() - 1)
}

fn split_field(word: &str) -> Option<(&str, &str, &str)> {
    let i = word.find(['=', '<', '>'])?;
    let (name, rest) = word.split_at(i);
    let op = if rest.starts_with("<=") || rest.starts_with(">=") {
        &rest[..2]
    } else if rest.starts_with('=') {
        "="
    } else {
        return None;
    };
    Some((name, op, &rest[op.len()..]))
}

/// A duration: `5s`, `1.5s`, `300ms`, `2m`, `1h`.
pub(crate) fn duration_ms(s: &str) -> Option<u64> {
    let (number, unit) = s.find(|c: char| c.is_ascii_alphabetic()).map_or((s, "s"), |i| s.split_at(i));
    let n: f64 = number.parse().ok().filter(|n: &f64| n.is_finite() && *n >= 0.0)?;
    let scale = match unit {
        "ms" => 1.0,
        "s" => 1000.0,
        "m" | "min" => 60_000.0,
        "h" => 3_600_000.0,
        _ => return None,
    };
    Some((n * scale).round() as u64)
}

/// One step of a script.
#[derive(Debug, Clone)]
pub(crate) enum Step {
    Input(Timed),
    Expect(Expectation),
    Note(String),
    Dial(DialOutcome),
}

/// The options after an input step's main words: `after D` / `now`, `gap=D`, `confidence=N`.
struct Options {
    after: Option<u64>,
    gap: Option<u64>,
    confidence: Option<f64>,
    during_prompt: bool,
}

/// Caller input whose delay is the script's reaction time unless the step says otherwise.
#[derive(Debug, Clone)]
pub(crate) struct Timed {
    pub(crate) input: CallerInput,
    pub(crate) after: Option<u64>,
    /// `during prompt`: the delay counts from the start of the Gather's prompt.
    pub(crate) during_prompt: bool,
}

impl Step {
    pub(crate) fn parse(step: &str) -> Result<Step, ScriptError> {
        let toks = tokens(step, 0)?;
        let word = |i: usize| match toks.get(i) {
            Some(Token::Word(w, _)) => Some(w.as_str()),
            _ => None,
        };
        let end = step.len();
        let duration = |i: usize| -> Result<u64, ScriptError> {
            match toks.get(i) {
                Some(Token::Word(w, at)) => duration_ms(w)
                    .ok_or_else(|| ScriptError::at(*at, format!("expected a duration (`5s`, `300ms`), found `{w}`"))),
                Some(other) => {
                    Err(ScriptError::at(other.at(), format!("expected a duration, found {}", other.describe())))
                }
                None => Err(ScriptError::at(end, "expected a duration (`5s`, `300ms`)")),
            }
        };
        // Options after the main words: `after D`, `now`, `gap=D`, `confidence=N`.
        let options = |from: usize| -> Result<Options, ScriptError> {
            let (mut after, mut gap, mut confidence, mut during_prompt) = (None, None, None, false);
            let mut i = from;
            while let Some(tok) = toks.get(i) {
                match tok {
                    Token::Word(w, _) if w == "after" => {
                        after = Some(duration(i + 1)?);
                        i += 1;
                    }
                    Token::Word(w, _) if w == "now" => after = Some(0),
                    Token::Word(w, at) if w == "during" => {
                        match toks.get(i + 1) {
                            Some(Token::Word(p, _)) if p == "prompt" => during_prompt = true,
                            _ => return Err(ScriptError::at(*at, "expected `during prompt`")),
                        }
                        i += 1;
                    }
                    Token::Field(n, _, v, at) if n == "gap" => {
                        gap = Some(
                            duration_ms(v).ok_or_else(|| ScriptError::at(*at, "expected a duration after `gap=`"))?,
                        )
                    }
                    Token::Field(n, _, v, at) if n == "confidence" => {
                        confidence = Some(
                            v.parse::<f64>()
                                .ok()
                                .filter(|c| (0.0..=1.0).contains(c))
                                .ok_or_else(|| ScriptError::at(*at, "expected a confidence from 0 to 1"))?,
                        )
                    }
                    other => return Err(ScriptError::at(other.at(), format!("unexpected {}", other.describe()))),
                }
                i += 1;
            }
            Ok(Options { after, gap, confidence, during_prompt })
        };
        match (word(0), word(1)) {
            (Some("press"), Some(digits)) => {
                if let Some(bad) = digits.chars().find(|c| !matches!(c, '0'..='9' | '*' | '#' | 'A'..='D' | 'w')) {
                    return Err(ScriptError::at(toks[1].at(), format!("`{bad}` is not a key (0-9, *, #, A-D)")));
                }
                let Options { after, gap, during_prompt, .. } = options(2)?;
                Ok(Step::Input(Timed {
                    input: CallerInput::Press { digits: digits.to_owned(), after_ms: 0, gap_ms: gap.unwrap_or(300) },
                    after,
                    during_prompt,
                }))
            }
            (Some("press"), None) => {
                Err(ScriptError::at(toks.get(1).map_or(end, Token::at), "expected the keys to press"))
            }
            (Some("say"), _) => match toks.get(1) {
                Some(Token::Quoted(text, _)) => {
                    let Options { after, confidence, during_prompt, .. } = options(2)?;
                    Ok(Step::Input(Timed {
                        input: CallerInput::Say {
                            text: text.clone(),
                            confidence: confidence.unwrap_or(0.9),
                            after_ms: 0,
                        },
                        after,
                        during_prompt,
                    }))
                }
                other => Err(ScriptError::at(other.map_or(end, Token::at), "expected a quoted string after `say`")),
            },
            (Some("speak"), _) => {
                let duration_ms = duration(1)?;
                let then_press = match (word(2), word(3), word(4)) {
                    (Some("then"), Some("press"), Some(k)) => k.chars().next(),
                    (None, _, _) => None,
                    _ => return Err(ScriptError::at(toks[2].at(), "expected `then press KEY`")),
                };
                Ok(Step::Input(Timed {
                    input: CallerInput::Speak { duration_ms, then_press },
                    after: Some(0),
                    during_prompt: false,
                }))
            }
            (Some("silence" | "wait"), _) => Ok(Step::Input(Timed {
                input: CallerInput::Silence { duration_ms: Some(duration(1)?) },
                after: Some(0),
                during_prompt: false,
            })),
            (Some("hang"), Some("up")) => {
                let Options { after, during_prompt, .. } = options(2)?;
                Ok(Step::Input(Timed {
                    input: CallerInput::HangUp { after_ms: 0 },
                    after: after.or(Some(0)),
                    during_prompt,
                }))
            }
            (Some("dial"), Some(outcome)) => {
                let known = ["answered", "busy", "no-answer", "failed", "canceled"];
                if !known.contains(&outcome) {
                    return Err(ScriptError::at(
                        toks[1].at(),
                        format!("expected a dial outcome ({}), found `{outcome}`", known.join(", ")),
                    ));
                }
                let mut o =
                    if outcome == "answered" { DialOutcome::answered() } else { DialOutcome::unanswered(outcome) };
                for tok in &toks[2..] {
                    match tok {
                        Token::Field(n, _, v, at) if n == "ring" || n == "talk" => {
                            let ms = duration_ms(v).ok_or_else(|| ScriptError::at(*at, "expected a duration"))?;
                            if n == "ring" { o.ring_ms = ms } else { o.talk_ms = ms }
                        }
                        Token::Field(n, _, v, _) if n == "ended_by" => o.ended_by_caller = v == "caller",
                        other => return Err(ScriptError::at(other.at(), format!("unexpected {}", other.describe()))),
                    }
                }
                Ok(Step::Dial(o))
            }
            (Some("expect"), _) => {
                let start = step.find("expect").unwrap_or(0) + "expect".len();
                Expectation::parse(&step[start..], start).map(Step::Expect)
            }
            (Some("note"), _) => match toks.get(1) {
                Some(Token::Quoted(text, _)) => Ok(Step::Note(text.clone())),
                other => Err(ScriptError::at(other.map_or(end, Token::at), "expected a quoted string after `note`")),
            },
            _ => Err(ScriptError::at(
                toks.first().map_or(0, Token::at),
                "expected a step: press, say, speak, silence, wait, hang up, dial, expect or note",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_ms("5s"), Some(5000));
        assert_eq!(duration_ms("1.5s"), Some(1500));
        assert_eq!(duration_ms("300ms"), Some(300));
        assert_eq!(duration_ms("2m"), Some(120_000));
        assert_eq!(duration_ms("4"), Some(4000));
        assert_eq!(duration_ms("x"), None);
        assert_eq!(duration_ms("-1s"), None);
    }

    #[test]
    fn words_of_a_step() {
        let t = tokens(r#"request POST /twiml/menu Digits=1 msg="Gather End" say ~"Hi" /a+b/ d<=60s"#, 0).unwrap();
        assert_eq!(t[0], Token::Word("request".into(), 0));
        assert_eq!(t[2], Token::Word("/twiml/menu".into(), 13));
        assert_eq!(t[3], Token::Field("Digits".into(), "=".into(), "1".into(), 25));
        assert_eq!(t[4], Token::Field("msg".into(), "=".into(), "Gather End".into(), 34));
        assert!(matches!(&t[6], Token::Contains(s, _) if s == "Hi"));
        assert!(matches!(&t[7], Token::Regex(s, _) if s == "a+b"));
        assert_eq!(t[8], Token::Field("d".into(), "<=".into(), "60s".into(), 67));
        assert!(tokens("say \"open", 0).is_err());
    }

    #[test]
    fn bad_steps_say_where_and_what() {
        for (step, column, message) in [
            ("press x", 7, "`x` is not a key"),
            ("jump", 1, "expected a step"),
            ("say hello", 5, "expected a quoted string"),
            ("speak forever", 7, "expected a duration"),
            ("expect sing", 8, "expected a kind"),
            ("dial maybe", 6, "expected a dial outcome"),
            ("expect say ~oops", 12, "expected `\"` after `~`"),
        ] {
            let e = Step::parse(step).unwrap_err();
            assert_eq!(e.column, column, "{step}: {e}");
            assert!(e.message.contains(message), "{step}: {e}");
        }
    }
}
