//! Documented value sets of BXML attributes, as open enums.

use crate::xml::value::open_enum;

/// HTTP method for a callback URL: the same type as TwiML's, so both dialects can be used together.
pub use crate::twiml::Method;
open_enum! {
    /// `<SpeakSentence gender>`.
    pub enum Gender { Male => "male", Female => "female" }
}
open_enum! {
    /// Recording `fileFormat`.
    pub enum FileFormat { Wav => "wav", Mp3 => "mp3" }
}
open_enum! {
    /// `diversionTreatment` on Transfer and Forward.
    pub enum DiversionTreatment { None => "none", Propagate => "propagate", Stack => "stack" }
}
/// `diversionReason` on Transfer and Forward (used with `stack`): the same values as a diversion's
/// `reason` in incoming-call events.
pub use crate::event::DiversionReason;

open_enum! {
    /// `<StartStream mode>`.
    pub enum StreamMode { Unidirectional => "unidirectional", Bidirectional => "bidirectional" }
}
open_enum! {
    /// `tracks` on StartStream and StartTranscription.
    pub enum Tracks { Inbound => "inbound", Outbound => "outbound", Both => "both" }
}
open_enum! {
    /// `<Gather input>` (newer SDKs).
    pub enum GatherInput { Dtmf => "dtmf", Speech => "speech", Both => "both" }
}
