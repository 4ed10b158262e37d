//! The result of running a script: the transcript and its checks, as text and JSON.

use crate::sim::Transcript;
use crate::sim::expect::Check;

/// The result of running a script: the transcript and every check.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// What happened.
    pub transcript: Transcript,
    /// One per `expect` step.
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether every check held and the call did not end in an application error.
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.ok) && !self.application_error()
    }

    /// What `--strict` fails on: lint findings of the documents served, and verbs the simulator
    /// does not run.
    pub fn strict_findings(&self) -> Vec<&str> {
        self.transcript
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                crate::sim::EventKind::Warning { message }
                    if message.starts_with("lint") || message.contains("is not simulated") =>
                {
                    Some(message.as_str())
                }
                _ => None,
            })
            .collect()
    }

    /// Whether the call ended because the application failed.
    pub fn application_error(&self) -> bool {
        self.transcript.outcome().is_some_and(|o| {
            matches!(
                o.cause,
                crate::sim::EndCause::AppError
                    | crate::sim::EndCause::CallbackError
                    | crate::sim::EndCause::InvalidDocument
            )
        })
    }

    /// Whether the application could not be reached at all (no reply to the first request).
    pub fn unreachable(&self) -> bool {
        let first = self.transcript.events.iter().find_map(|e| match &e.kind {
            crate::sim::EventKind::Response { status, .. } => Some(*status),
            _ => None,
        });
        first == Some(0)
    }

    /// The transcript's text form, then each check.
    pub fn to_text(&self) -> String {
        let mut out = self.transcript.to_text();
        for check in &self.checks {
            let mark = if check.ok { "ok  " } else { "FAIL" };
            out.push_str(&format!("{mark} {}: {}", check.step, check.text));
            if let Some(m) = &check.message {
                out.push_str(&format!(" ({m})"));
            }
            out.push('\n');
        }
        let failed = self.checks.iter().filter(|c| !c.ok).count();
        out.push_str(&format!("checks: {} held, {failed} not\n", self.checks.len() - failed));
        out
    }

    /// The transcript's JSON form with `"checks"`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = self.transcript.to_json();
        if let Some(map) = value.as_object_mut() {
            map.insert("checks".into(), serde_json::to_value(&self.checks).unwrap_or_default());
            map.insert("passed".into(), self.passed().into());
        }
        value
    }
}
