//! The provider-independent view of a call event (`docs/event-view.md`).

use std::borrow::Cow;

use serde::Serialize;

use super::{Address, BandwidthV1Event, BandwidthV2Event, Event, TwimlEvent};

/// Which provider format an event came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Provider {
    /// Bandwidth Voice v1 (Catapult).
    #[serde(rename = "bandwidth-v1")]
    BandwidthV1,
    /// Bandwidth Voice v2.
    #[serde(rename = "bandwidth-v2")]
    BandwidthV2,
    /// TwiML-style form requests (Twilio, ACML providers, SignalWire, Telnyx).
    #[serde(rename = "twiml")]
    Twiml,
}

/// Reads the name used in JSON and on the command line (`bandwidth-v1`, `bandwidth-v2`, `twiml`).
///
/// ```
/// use callml::event::Provider;
/// assert_eq!("bandwidth-v2".parse::<Provider>(), Ok(Provider::BandwidthV2));
/// assert!("bandwidth".parse::<Provider>().is_err());
/// ```
impl std::str::FromStr for Provider {
    type Err = String;
    fn from_str(name: &str) -> Result<Self, String> {
        [Provider::BandwidthV1, Provider::BandwidthV2, Provider::Twiml]
            .into_iter()
            .find(|p| p.as_str() == name)
            .ok_or_else(|| format!("unknown provider `{name}`; expected bandwidth-v1, bandwidth-v2 or twiml"))
    }
}

impl Provider {
    /// The name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::BandwidthV1 => "bandwidth-v1",
            Provider::BandwidthV2 => "bandwidth-v2",
            Provider::Twiml => "twiml",
        }
    }
}

/// What a handler needs to know about a call, whoever sent the event. Values the provider did
/// not send are `None` (and left out of the JSON form).
///
/// ```
/// use callml::event::{parse, Provider};
/// let event = parse(Some("application/x-www-form-urlencoded"), b"CallSid=ID1&From=3035550000&To=8044731212&Direction=inbound&PostStatus=new&ForwardedFrom=null").unwrap();
/// let call = event.call().unwrap();
/// assert_eq!(call.provider, Provider::Twiml);
/// assert_eq!(call.event_type, "incoming");
/// assert_eq!(call.diverted_from, None);
/// assert_eq!(serde_json::to_value(&call).unwrap()["callId"], "ID1");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallView<'e> {
    /// The format.
    pub provider: Provider,
    /// The event type (`incomingcall`, `initiate`, ...; for TwiML-style requests the
    /// [`TwimlEventKind`](super::TwimlEventKind): `incoming`, `status`, `gather`, `dial`, ...).
    pub event_type: Cow<'e, str>,
    /// The provider's call id.
    pub call_id: &'e str,
    /// Caller, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<&'e str>,
    /// Called party, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<&'e str>,
    /// The number the call was diverted from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diverted_from: Option<&'e str>,
    /// Why it was diverted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diversion_reason: Option<&'e str>,
    /// Account id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<&'e str>,
    /// Application id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_id: Option<&'e str>,
    /// Caller name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_name: Option<&'e str>,
    /// When the call started (the provider's string).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<&'e str>,
    /// URL of the call resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_url: Option<&'e str>,
}

impl<'e> CallView<'e> {
    /// The caller as an [`Address`].
    pub fn from_address(&self) -> Option<Address<'e>> {
        self.from.map(Address::new)
    }
    /// The called party as an [`Address`].
    pub fn to_address(&self) -> Option<Address<'e>> {
        self.to.map(Address::new)
    }
}

impl Event<'_> {
    /// The provider-independent view, for call events (`None` for unknown event types and
    /// conference events).
    pub fn call(&self) -> Option<CallView<'_>> {
        match self {
            Event::BandwidthV1(e) => v1_view(e),
            Event::BandwidthV2(e) => v2_view(e),
            Event::Twiml(e) => Some(form_view(e)),
        }
    }
}

fn diverted_from<'e>(diversion: Option<&'e super::Diversion<'_>>) -> Option<&'e str> {
    diversion.map(|d| &*d.orig_to)
}

fn diversion_reason<'e>(diversion: Option<&'e super::Diversion<'_>>) -> Option<&'e str> {
    diversion.and_then(|d| d.reason.as_ref()).map(|r| r.as_str())
}

fn v1_view<'e>(event: &'e BandwidthV1Event<'_>) -> Option<CallView<'e>> {
    let call = event.call()?;
    let (diversion, display_name) = match event {
        BandwidthV1Event::IncomingCall(e) => (e.diversion.as_ref(), e.display_name.as_deref()),
        BandwidthV1Event::Answer(e) => (e.diversion.as_ref(), None),
        _ => (None, None),
    };
    Some(CallView {
        provider: Provider::BandwidthV1,
        event_type: Cow::Borrowed(&call.event_type),
        call_id: &call.call_id,
        from: call.from.as_deref(),
        to: call.to.as_deref(),
        diverted_from: diverted_from(diversion),
        diversion_reason: diversion_reason(diversion),
        account_id: None,
        application_id: call.application_id.as_deref(),
        caller_name: display_name,
        started_at: call.time.as_deref(),
        call_url: call.call_uri.as_deref(),
    })
}

fn v2_view<'e>(event: &'e BandwidthV2Event<'_>) -> Option<CallView<'e>> {
    let call = event.call()?;
    let diversion = match event {
        BandwidthV2Event::Initiate(e) => e.diversion.as_ref(),
        _ => None,
    };
    Some(CallView {
        provider: Provider::BandwidthV2,
        event_type: Cow::Borrowed(&call.event_type),
        call_id: &call.call_id,
        from: call.from.as_deref(),
        to: call.to.as_deref(),
        diverted_from: diverted_from(diversion),
        diversion_reason: diversion_reason(diversion),
        account_id: call.account_id.as_deref(),
        application_id: call.application_id.as_deref(),
        caller_name: None,
        started_at: call.start_time.as_deref(),
        call_url: call.call_url.as_deref(),
    })
}

fn form_view<'e>(event: &'e TwimlEvent<'_>) -> CallView<'e> {
    let e = event.call();
    CallView {
        provider: Provider::Twiml,
        event_type: Cow::Borrowed(event.kind().as_str()),
        call_id: &e.call_sid,
        from: e.from.as_deref(),
        to: e.to.as_deref(),
        diverted_from: e.forwarded_from(),
        diversion_reason: None,
        account_id: e.account_sid.as_deref(),
        application_id: None,
        caller_name: e.caller_name(),
        started_at: e.call_timestamp.as_deref(),
        call_url: None,
    }
}
