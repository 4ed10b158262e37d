//! The macro forms, each checked against the builder, and documents deep and long enough to
//! exercise the recursion limit (50 verbs; SSML nested 5 deep).

use callml::ssml::*;
use callml::twiml::*;
use callml::xml::{Custom, Render};
use callml::{bxml, twiml};

#[test]
fn fifty_verbs() {
    let doc = twiml! {
        Say(loop_count = 0) { "line 0" }
        Pause(length = 1)
        Play { "https://example.com/2.mp3" }
        Gather(num_digits = 1) { Say { "g3" } }
        Redirect { "/r4" }
        Say(loop_count = 5) { "line 5" }
        Pause(length = 6)
        Play { "https://example.com/7.mp3" }
        Gather(num_digits = 1) { Say { "g8" } }
        Redirect { "/r9" }
        Say(loop_count = 10) { "line 10" }
        Pause(length = 11)
        Play { "https://example.com/12.mp3" }
        Gather(num_digits = 1) { Say { "g13" } }
        Redirect { "/r14" }
        Say(loop_count = 15) { "line 15" }
        Pause(length = 16)
        Play { "https://example.com/17.mp3" }
        Gather(num_digits = 1) { Say { "g18" } }
        Redirect { "/r19" }
        Say(loop_count = 20) { "line 20" }
        Pause(length = 21)
        Play { "https://example.com/22.mp3" }
        Gather(num_digits = 1) { Say { "g23" } }
        Redirect { "/r24" }
        Say(loop_count = 25) { "line 25" }
        Pause(length = 26)
        Play { "https://example.com/27.mp3" }
        Gather(num_digits = 1) { Say { "g28" } }
        Redirect { "/r29" }
        Say(loop_count = 30) { "line 30" }
        Pause(length = 31)
        Play { "https://example.com/32.mp3" }
        Gather(num_digits = 1) { Say { "g33" } }
        Redirect { "/r34" }
        Say(loop_count = 35) { "line 35" }
        Pause(length = 36)
        Play { "https://example.com/37.mp3" }
        Gather(num_digits = 1) { Say { "g38" } }
        Redirect { "/r39" }
        Say(loop_count = 40) { "line 40" }
        Pause(length = 41)
        Play { "https://example.com/42.mp3" }
        Gather(num_digits = 1) { Say { "g43" } }
        Redirect { "/r44" }
        Say(loop_count = 45) { "line 45" }
        Pause(length = 46)
        Play { "https://example.com/47.mp3" }
        Gather(num_digits = 1) { Say { "g48" } }
        Redirect { "/r49" }
    };
    let built = Response::new()
        .say(Say::new("line 0").loop_count(0))
        .pause(Pause::new().length(1))
        .play("https://example.com/2.mp3")
        .gather(Gather::new().num_digits(1).say("g3"))
        .redirect("/r4")
        .say(Say::new("line 5").loop_count(5))
        .pause(Pause::new().length(6))
        .play("https://example.com/7.mp3")
        .gather(Gather::new().num_digits(1).say("g8"))
        .redirect("/r9")
        .say(Say::new("line 10").loop_count(10))
        .pause(Pause::new().length(11))
        .play("https://example.com/12.mp3")
        .gather(Gather::new().num_digits(1).say("g13"))
        .redirect("/r14")
        .say(Say::new("line 15").loop_count(15))
        .pause(Pause::new().length(16))
        .play("https://example.com/17.mp3")
        .gather(Gather::new().num_digits(1).say("g18"))
        .redirect("/r19")
        .say(Say::new("line 20").loop_count(20))
        .pause(Pause::new().length(21))
        .play("https://example.com/22.mp3")
        .gather(Gather::new().num_digits(1).say("g23"))
        .redirect("/r24")
        .say(Say::new("line 25").loop_count(25))
        .pause(Pause::new().length(26))
        .play("https://example.com/27.mp3")
        .gather(Gather::new().num_digits(1).say("g28"))
        .redirect("/r29")
        .say(Say::new("line 30").loop_count(30))
        .pause(Pause::new().length(31))
        .play("https://example.com/32.mp3")
        .gather(Gather::new().num_digits(1).say("g33"))
        .redirect("/r34")
        .say(Say::new("line 35").loop_count(35))
        .pause(Pause::new().length(36))
        .play("https://example.com/37.mp3")
        .gather(Gather::new().num_digits(1).say("g38"))
        .redirect("/r39")
        .say(Say::new("line 40").loop_count(40))
        .pause(Pause::new().length(41))
        .play("https://example.com/42.mp3")
        .gather(Gather::new().num_digits(1).say("g43"))
        .redirect("/r44")
        .say(Say::new("line 45").loop_count(45))
        .pause(Pause::new().length(46))
        .play("https://example.com/47.mp3")
        .gather(Gather::new().num_digits(1).say("g48"))
        .redirect("/r49");
    assert_eq!(doc.children.len(), 50);
    assert_eq!(doc.to_xml(), built.to_xml());
}

#[test]
fn ssml_nested_five_deep() {
    let doc = twiml! {
        Say {
            "a" Prosody(rate = "slow") { "b" Lang(xml_lang = "fr-FR") { "c" Paragraph { "d" Sentence { "e" Emphasis(level = "strong") { "f" Word(role = "amazon:VB") { "g" SayAs(interpret_as = "digits") { "12" } } } } } } }
        }
    };
    let built =
        Response::new().say(Say::new("a").child(Prosody::new("b").rate(ProsodyRate::Slow).child(
            Lang::new("c").xml_lang("fr-FR").child(Paragraph::new("d").child(
                Sentence::new("e").child(
                    Emphasis::new("f").level(EmphasisLevel::Strong).child(
                        Word::new("g").role("amazon:VB").child(SayAs::new("12").interpret_as(InterpretAs::Digits)),
                    ),
                ),
            )),
        )));
    assert_eq!(doc.to_xml(), built.to_xml());
}

#[test]
fn expressions_loops_conditionals_and_splices() {
    let name = String::from("Ada");
    let options = ["sales", "support"];
    let extra: Option<Say> = Some(Say::new("extra"));
    let nothing: Option<Say> = None;
    let prebuilt = vec![Pause::new().length(1), Pause::new().length(2)];
    for vip in [true, false] {
        let doc = twiml! {
            Say(voice = Voice::Woman, "data-x" = format!("{}-{}", 1, 2)) { "Hello " (name.as_str()) "!" }
            if vip { Say { "VIP" } } else { Say { "regular" } }
            if !vip { Hangup }
            Gather(num_digits = 1, action = format!("/menu?who={name}")) {
                for (i, o) in options.iter().enumerate() { Say { (format!("{} {o}", i + 1)) } }
                ..(prebuilt.clone())
            }
            ..(extra.clone())
            ..(nothing.clone())
            Custom("Conference", "beep" = "false") { "room" Custom("Inner") }
            Dial { Number(send_digits = "ww1") { "+15551234567" } Client { Identity { "alice" } } }
        };
        let mut built = Response::new()
            .say(Say::new("Hello ").voice(Voice::Woman).attr("data-x", "1-2").text("Ada").text("!"))
            .say(if vip { "VIP" } else { "regular" });
        if !vip {
            built = built.hangup();
        }
        let built = built
            .gather(
                Gather::new()
                    .num_digits(1)
                    .action("/menu?who=Ada")
                    .say("1 sales")
                    .say("2 support")
                    .pause(Pause::new().length(1))
                    .pause(Pause::new().length(2)),
            )
            .say("extra")
            .child(Custom::new("Conference").attr("beep", "false").text("room").child(Custom::new("Inner")))
            .dial(
                Dial::new()
                    .number(Number::new("+15551234567").send_digits("ww1"))
                    .client(Client::new("").identity(Identity::new("alice"))),
            );
        assert_eq!(doc.to_xml(), built.to_xml(), "vip = {vip}");
    }
}

#[test]
fn bxml_macro_matches_builder() {
    use callml::bxml::{Gather, PhoneNumber, Response, SpeakSentence, Transfer};
    let agent = "+15555550101";
    let doc = bxml! {
        SpeakSentence(voice = "julie") { "Hi " Break(time = "1s") }
        Gather(gather_url = "/g", max_digits = 1, first_digit_timeout = 2.5) { SpeakSentence { "Press 1" } }
        Transfer(call_timeout = 20) { PhoneNumber { (agent) } SipUri { "sip:a@example.com" } }
        Hangup
    };
    let built = Response::new()
        .speak_sentence(SpeakSentence::new("Hi ").voice("julie").child(Break::new().time("1s")))
        .gather(Gather::new().gather_url("/g").max_digits(1).first_digit_timeout(2.5).speak_sentence("Press 1"))
        .transfer(Transfer::new(PhoneNumber::new(agent)).call_timeout(20).sip_uri("sip:a@example.com"))
        .hangup();
    assert_eq!(doc.to_xml(), built.to_xml());
}
