//! Every golden document, written with the `twiml!` / `bxml!` macros: identical bytes to the
//! builder versions in `tests/twiml_golden.rs` and `tests/bxml_golden.rs`.

mod common;

use callml::xml::{Render, RenderOptions};

fn check(name: &str, doc: &impl Render) {
    common::assert_golden(&format!("{name}.xml"), &doc.to_xml());
    common::assert_golden(&format!("{name}.pretty.xml"), &doc.to_xml_with(RenderOptions::new().pretty(true)));
}

#[test]
fn twiml_acml_profile() {
    let doc = callml::twiml! {
        Say(language = "fr", voice = "woman") { "Bienvenue" }
        Dial(dial_music = "https://example.com/ring.wav", record = true) {
            Number(status_callback = "/cb", status_callback_event = "initiated,ringing") { "+15558675309" }
        }
        Record(finish_on_key = "-1")
        Reject(reason = "anonymity_disallowed")

    };
    check("twiml/acml_profile", &doc);
}

#[test]
fn twiml_control_verbs() {
    let doc = callml::twiml! {
        Play(loop_count = 0) { "https://example.com/a.mp3" }
        Pause(length = 2)
        Reject(reason = "service_unavailable") { Parameter(name = "why", value = "closed") }
        Hangup { Parameter(name = "reason", value = "done") }
        Redirect(method = "GET") { "https://example.com/next?a=1&b=2" }

    };
    check("twiml/control_verbs", &doc);
}

#[test]
fn twiml_dial_all() {
    let doc = callml::twiml! {
        Dial(action = "/dial-done", answer_on_bridge = true, call_reason = "Your order", caller_id = "+15551234567", dial_music = "https://example.com/music.mp3", events = "call-progress-event", hangup_on_star = true, method = "POST", passports = "passport", record = "record-from-answer-dual", recording_configuration_id = "RC1", recording_status_callback = "/dial-rec", recording_status_callback_event = "completed", recording_status_callback_method = "POST", recording_track = "inbound", refer_method = "GET", refer_url = "/refer", ring_tone = "uk", sequential = true, time_limit = 14400, timeout = 20, trim = "trim-silence") {
            Number(amd_status_callback = "/amd", amd_status_callback_method = "GET", byoc = "BY123", machine_detection = "DetectMessageEnd", machine_detection_silence_timeout = 5000, machine_detection_speech_end_threshold = 1200, machine_detection_speech_threshold = 2400, machine_detection_timeout = 30, method = "POST", send_digits = "wwww1234", status_callback = "/status", status_callback_event = "initiated ringing answered completed", status_callback_method = "POST", url = "/screen") { "+15558675309" }
            Client(method = "POST", name = "Alice", status_callback = "/status", status_callback_event = "initiated,completed", status_callback_method = "GET", url = "/screen") { Identity { "alice" } Parameter(name = "ticket", value = "42 & more") }
            Sip(amd_status_callback = "/amd", amd_status_callback_method = "POST", machine_detection = "Enable", machine_detection_silence_timeout = 2000, machine_detection_speech_end_threshold = 500, machine_detection_speech_threshold = 1000, machine_detection_timeout = 3, method = "GET", name = "trunk", password = "secret", status_callback = "/sip-status", status_callback_event = "answered", status_callback_method = "POST", url = "/screen", username = "bob") {
                Uri(password = "p", priority = 1, username = "u", weight = 10) { "sip:bob@example.com;transport=tls" }
                Headers { Header(name = "X-Account", value = "a&b") }
            }
        }

    };
    check("twiml/dial_all", &doc);
}

#[test]
fn twiml_escape_hatches() {
    let doc = callml::twiml! {
        Say("data-x" = "1 < 2", "voice" = "alice") { "hi" }
        Say(voice = "man", "voice" = "alice", "x" = "1", "x" = "2") { "dup" }
        Custom("Assistant", "id" = "aia_asst_1") { "room-1" }
        Gather {
            Custom("Message", "url" = "wss://example.com/a?b&c")
        }
        Dial {
            Custom("Whisper") { "support" }
        }

    };
    check("twiml/escape_hatches", &doc);
}

#[test]
fn twiml_gather_all() {
    let doc = callml::twiml! {
        Gather(action = "/gather?step=1&lang=en", action_on_empty_result = false, barge_in = true, debug = false, enhanced = true, finish_on_key = "#", hints = "sales, support", input = "dtmf speech", language = "en-GB", max_speech_time = 30, method = "POST", num_digits = 4, partial_result_callback = "/partial", partial_result_callback_method = "GET", profanity_filter = false, speech_model = "phone_call", speech_timeout = "auto", timeout = 7) { Say { "Enter your PIN" } Play(digits = "w1", loop_count = 1) { "https://example.com/beep.wav" } Pause(length = 1) }

    };
    check("twiml/gather_all", &doc);
}

#[test]
fn twiml_record_all() {
    let doc = callml::twiml! {
        Record(action = "/rec", finish_on_key = "-1", max_length = 3600, method = "POST", play_beep = true, recording_configuration_id = "RC123", recording_status_callback = "/rec-status", recording_status_callback_event = "in-progress completed absent", recording_status_callback_method = "GET", timeout = 5, transcribe = true, transcribe_callback = "/transcript", trim = "do-not-trim")

    };
    check("twiml/record_all", &doc);
}

#[test]
fn twiml_say_ssml() {
    let doc = callml::twiml! {
        Say(language = "en-US", loop_count = 2, voice = "Polly.Joanna-Neural") {
            "Hello "
            Break(strength = "medium", time = "500ms")
            Emphasis(level = "moderate") { "really " Prosody(pitch = "low", rate = "slow", volume = "+6dB") { "slowly" } }
            Lang(xml_lang = "fr-FR") { "Bonjour " Word(role = "amazon:VBD") { "lu" } }
            Paragraph {
                Sentence { "One " SayAs(format = "ymd", interpret_as = "date") { "2024-01-02" } }
                Sentence { Phoneme(alphabet = "ipa", ph = "pɪˈkɑːn") { "pecan" } }
            }
            Sub(alias = "World Wide Web Consortium") { "W3C" }
            AmazonEffect(name = "whispered") { "psst" }
            AmazonDomain(name = "news") { "in the news" }
            " & goodbye <3"
        }

    };
    check("twiml/say_ssml", &doc);
}

#[test]
fn twiml_acml_example() {
    let doc = callml::twiml! {
    Say(voice = "woman") { "Please hold while your call is connected" } Dial { "18004444444" }
       };
    check("twiml/acml_example", &doc);
}

#[test]
fn bxml_all_attributes() {
    let doc = callml::bxml! {
        SpeakSentence(gender = "gender-value", locale = "locale-value", voice = "voice-value") { "Hello" }
        PlayAudio(password = "password-value", username = "username-value") { "https://example.com/a.wav" }
        Gather(fallback_password = "fallbackPassword-value", fallback_username = "fallbackUsername-value", first_digit_timeout = 5.1, gather_fallback_method = "gatherFallbackMethod-value", gather_fallback_url = "gatherFallbackUrl-value", gather_method = "gatherMethod-value", gather_url = "gatherUrl-value", hints = "hints-value", input = "input-value", inter_digit_timeout = 5.1, language = "language-value", max_digits = 5, partial_result_callback = "partialResultCallback-value", partial_result_callback_method = "partialResultCallbackMethod-value", password = "password-value", profanity_filter = true, repeat_count = 5, speech_model = "speechModel-value", speech_timeout = 5.1, tag = "tag-value", terminating_digits = "terminatingDigits-value", username = "username-value") { SpeakSentence { "Press 1" } PlayAudio { "https://example.com/b.wav" } }
        Transfer(call_timeout = 5.1, diversion_reason = "diversionReason-value", diversion_treatment = "diversionTreatment-value", fallback_password = "fallbackPassword-value", fallback_username = "fallbackUsername-value", password = "password-value", privacy = true, tag = "tag-value", transfer_caller_display_name = "transferCallerDisplayName-value", transfer_caller_id = "transferCallerId-value", transfer_complete_fallback_method = "transferCompleteFallbackMethod-value", transfer_complete_fallback_url = "transferCompleteFallbackUrl-value", transfer_complete_method = "transferCompleteMethod-value", transfer_complete_url = "transferCompleteUrl-value", username = "username-value") {
            PhoneNumber(fallback_password = "fallbackPassword-value", fallback_username = "fallbackUsername-value", password = "password-value", tag = "tag-value", transfer_answer_fallback_method = "transferAnswerFallbackMethod-value", transfer_answer_fallback_url = "transferAnswerFallbackUrl-value", transfer_answer_method = "transferAnswerMethod-value", transfer_answer_url = "transferAnswerUrl-value", transfer_disconnect_method = "transferDisconnectMethod-value", transfer_disconnect_url = "transferDisconnectUrl-value", username = "username-value", uui = "uui-value") { "+15555550101" }
            SipUri(fallback_password = "fallbackPassword-value", fallback_username = "fallbackUsername-value", password = "password-value", tag = "tag-value", transfer_answer_fallback_method = "transferAnswerFallbackMethod-value", transfer_answer_fallback_url = "transferAnswerFallbackUrl-value", transfer_answer_method = "transferAnswerMethod-value", transfer_answer_url = "transferAnswerUrl-value", transfer_disconnect_method = "transferDisconnectMethod-value", transfer_disconnect_url = "transferDisconnectUrl-value", username = "username-value", uui = "uui-value") { "sip:a@example.com" }
        }
        Hangup
        Pause(duration = 5.1)
        Redirect(fallback_password = "fallbackPassword-value", fallback_username = "fallbackUsername-value", password = "password-value", redirect_fallback_method = "redirectFallbackMethod-value", redirect_fallback_url = "redirectFallbackUrl-value", redirect_method = "redirectMethod-value", redirect_url = "redirectUrl-value", tag = "tag-value", username = "username-value")
        Record(detect_language = true, fallback_password = "fallbackPassword-value", fallback_username = "fallbackUsername-value", file_format = "fileFormat-value", max_duration = 5, password = "password-value", record_complete_fallback_method = "recordCompleteFallbackMethod-value", record_complete_fallback_url = "recordCompleteFallbackUrl-value", record_complete_method = "recordCompleteMethod-value", record_complete_url = "recordCompleteUrl-value", recording_available_method = "recordingAvailableMethod-value", recording_available_url = "recordingAvailableUrl-value", recording_name = "recordingName-value", silence_timeout = 5.1, tag = "tag-value", terminating_digits = "terminatingDigits-value", transcribe = true, transcription_available_method = "transcriptionAvailableMethod-value", transcription_available_url = "transcriptionAvailableUrl-value", username = "username-value")
        Forward(call_timeout = 5.1, caller_display_name = "callerDisplayName-value", diversion_reason = "diversionReason-value", diversion_treatment = "diversionTreatment-value", from = "from-value", privacy = true, to = "to-value", uui = "uui-value")
        Bridge(bridge_complete_fallback_method = "bridgeCompleteFallbackMethod-value", bridge_complete_fallback_url = "bridgeCompleteFallbackUrl-value", bridge_complete_method = "bridgeCompleteMethod-value", bridge_complete_url = "bridgeCompleteUrl-value", bridge_target_complete_fallback_method = "bridgeTargetCompleteFallbackMethod-value", bridge_target_complete_fallback_url = "bridgeTargetCompleteFallbackUrl-value", bridge_target_complete_method = "bridgeTargetCompleteMethod-value", bridge_target_complete_url = "bridgeTargetCompleteUrl-value", fallback_password = "fallbackPassword-value", fallback_username = "fallbackUsername-value", password = "password-value", tag = "tag-value", username = "username-value") { "c-86d3a2b1-2a6e-4a65-8ee9-6cbd4bd2c5b1" }
        Conference(call_ids_to_coach = "callIdsToCoach-value", callback_timeout = 5.1, conference_event_fallback_method = "conferenceEventFallbackMethod-value", conference_event_fallback_url = "conferenceEventFallbackUrl-value", conference_event_method = "conferenceEventMethod-value", conference_event_url = "conferenceEventUrl-value", fallback_password = "fallbackPassword-value", fallback_username = "fallbackUsername-value", hold = true, mute = true, password = "password-value", tag = "tag-value", username = "username-value") { "room-1" }
        StartRecording(detect_language = true, file_format = "fileFormat-value", multi_channel = true, password = "password-value", recording_available_method = "recordingAvailableMethod-value", recording_available_url = "recordingAvailableUrl-value", recording_name = "recordingName-value", tag = "tag-value", transcribe = true, transcription_available_method = "transcriptionAvailableMethod-value", transcription_available_url = "transcriptionAvailableUrl-value", username = "username-value")
        StopRecording
        PauseRecording
        ResumeRecording
        Tag { "vip" }
        Ring(answer_call = true, duration = 5.1)
        SendDtmf(tone_duration = 5.1, tone_interval = 5.1) { "12w34" }
        StartGather(dtmf_method = "dtmfMethod-value", dtmf_url = "dtmfUrl-value", password = "password-value", tag = "tag-value", username = "username-value")
        StopGather
        StartStream(destination = "destination-value", destination_password = "destinationPassword-value", destination_username = "destinationUsername-value", mode = "mode-value", name = "name-value", password = "password-value", stream_event_method = "streamEventMethod-value", stream_event_url = "streamEventUrl-value", tracks = "tracks-value", username = "username-value") { StreamParam(name = "name-value", value = "value-value") }
        StopStream(name = "name-value", wait = true)
        StartTranscription(destination = "destination-value", detect_language = true, name = "name-value", password = "password-value", preferred_languages = "preferredLanguages-value", stabilized = true, tracks = "tracks-value", transcription_event_method = "transcriptionEventMethod-value", transcription_event_url = "transcriptionEventUrl-value", username = "username-value") {
            CustomParam(name = "name-value", value = "value-value")
        }
        StopTranscription(name = "name-value")
        Connect(event_callback_url = "eventCallbackUrl-value", event_fallback_url = "eventFallbackUrl-value") { Endpoint { "ep-1" } }
        Refer(refer_complete_method = "referCompleteMethod-value", refer_complete_url = "referCompleteUrl-value", tag = "tag-value") {
            SipUri(fallback_password = "fallbackPassword-value", fallback_username = "fallbackUsername-value", password = "password-value", tag = "tag-value", transfer_answer_fallback_method = "transferAnswerFallbackMethod-value", transfer_answer_fallback_url = "transferAnswerFallbackUrl-value", transfer_answer_method = "transferAnswerMethod-value", transfer_answer_url = "transferAnswerUrl-value", transfer_disconnect_method = "transferDisconnectMethod-value", transfer_disconnect_url = "transferDisconnectUrl-value", username = "username-value", uui = "uui-value") { "sip:b@example.com" }
        }

    };
    check("bxml/all_attributes", &doc);
}

#[test]
fn bxml_escape_hatches() {
    let doc = callml::bxml! {
        Redirect(redirect_url = "/next?a=1&b=2", tag = "", "newAttribute" = "x\"y")
        Custom("FutureVerb", "mode" = "fast") { "payload <raw>" }
        Transfer(transfer_caller_display_name = "Joe \"JJ\" Smith") {
            Custom("FutureTarget") { "x" }
        }

    };
    check("bxml/escape_hatches", &doc);
}

#[test]
fn bxml_initiate_reply() {
    let doc = callml::bxml! {
        SpeakSentence(voice = "julie") { "Thanks for calling. " Break(time = "500ms") }
        Gather(first_digit_timeout = 5, gather_url = "https://example.com/bandwidth/v2/callbacks?step=menu&lang=en", inter_digit_timeout = 2.5, max_digits = 1, repeat_count = 2, terminating_digits = "#") {
            SpeakSentence(gender = "female", locale = "en_US") { "Press 1 for sales, 2 for support." }
        }
        Transfer(call_timeout = 20, diversion_reason = "user-busy", diversion_treatment = "stack", transfer_caller_id = "+15555550100") { PhoneNumber(transfer_answer_url = "/whisper") { "+15555550101" } }

    };
    check("bxml/initiate_reply", &doc);
}

#[test]
fn bxml_live_update() {
    let doc = callml::bxml::Bxml::from(callml::bxml! {
        SpeakSentence(voice = "julie") { "Thanks for calling. " Break(time = "500ms") }
        Gather(first_digit_timeout = 5, gather_url = "https://example.com/bandwidth/v2/callbacks?step=menu&lang=en", inter_digit_timeout = 2.5, max_digits = 1, repeat_count = 2, terminating_digits = "#") {
            SpeakSentence(gender = "female", locale = "en_US") { "Press 1 for sales, 2 for support." }
        }
        Transfer(call_timeout = 20, diversion_reason = "user-busy", diversion_treatment = "stack", transfer_caller_id = "+15555550100") { PhoneNumber(transfer_answer_url = "/whisper") { "+15555550101" } }

    });
    check("bxml/live_update", &doc);
}

#[test]
fn bxml_medium_ivr() {
    let doc = callml::bxml! {
        SpeakSentence(voice = "julie") { "Press 1 for sales & support, 2 for \"billing\" <now>" }
        Gather(first_digit_timeout = 5, gather_url = "https://example.com/gather?step=1&lang=en", max_digits = 1, terminating_digits = "#") { SpeakSentence { "Please choose an option." } PlayAudio { "https://example.com/a.mp3" } }
        Pause(duration = 2)
        Transfer(call_timeout = 20, transfer_caller_id = "+15551234567", transfer_complete_url = "https://example.com/dial") { PhoneNumber { "+15558675309" } SipUri { "sip:bob@example.com" } }
        Record(max_duration = 30, record_complete_url = "https://example.com/rec")
        Redirect(redirect_url = "https://example.com/next")
        Hangup

    };
    check("bxml/medium_ivr", &doc);
}

#[test]
fn bxml_ssml() {
    let doc = callml::bxml! {
        SpeakSentence {
            "Your code is "
            SayAs(interpret_as = "digits") { "1234" }
            ". "
            Lang(xml_lang = "es-MX") { "Hola" }
            Emphasis { "if a<b and c>d" }
        }
        SpeakSentence { (callml::ssml::TrustedSsml::new(r#"<prosody rate="slow">trusted &amp; checked</prosody>"#).unwrap()) }
        SpeakSentence { "Tom & Jerry <3 you, Café ✓ 5 > 3" }

    };
    check("bxml/ssml", &doc);
}
