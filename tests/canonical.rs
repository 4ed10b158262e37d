//! `xml::canonical` and `assert_xml_eq!`, including the failure message users see.

use callml::assert_xml_eq;
use callml::xml::canonical;

#[test]
fn equivalent_forms_are_equal() {
    let forms = [
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="man" loop="2">Hi &amp; bye</Say><Hangup/></Response>"#,
        "<Response>\n  <Say loop=\"2\" voice=\"man\">Hi &#38; bye</Say>\n  <Hangup></Hangup>\n</Response>\n",
        "<Response><Say loop='2' voice='man'><![CDATA[Hi & bye]]></Say><!-- c --><Hangup /></Response>",
    ];
    for f in forms {
        assert_eq!(
            canonical(f).unwrap(),
            r#"<Response><Say loop="2" voice="man">Hi &amp; bye</Say><Hangup/></Response>"#
        );
        assert_xml_eq!(f, forms[0]);
    }
}

#[test]
fn different_documents_differ() {
    assert_ne!(canonical("<R><A x='1'/></R>").unwrap(), canonical("<R><A x='2'/></R>").unwrap());
    assert_ne!(canonical("<R><A>t</A></R>").unwrap(), canonical("<R><A>t </A></R>").unwrap());
    assert!(canonical("<R>").is_err());
}

#[test]
fn failure_message_shows_a_line_diff() {
    let result = std::panic::catch_unwind(|| {
        assert_xml_eq!(
            "<Response><Say>Hello</Say><Pause length=\"2\"/><Hangup/></Response>",
            "<Response><Say>Hello</Say><Pause length=\"3\"/><Hangup/></Response>",
            "handler {} for caller {}",
            "incoming",
            "+1555"
        );
    });
    let payload = result.expect_err("documents differ");
    let message = payload.downcast_ref::<String>().expect("a formatted message");
    assert_eq!(
        message,
        "assert_xml_eq! failed: the documents differ\nhandler incoming for caller +1555\n--- left\n+++ right\n  <Response>\n    <Say>Hello</Say>\n-   <Pause length=\"2\"/>\n+   <Pause length=\"3\"/>\n    <Hangup/>\n  </Response>\n"
    );
}

#[test]
fn failure_on_malformed_input_says_which_side() {
    let result = std::panic::catch_unwind(|| assert_xml_eq!("<Response/>", "<Response>"));
    let payload = result.expect_err("malformed");
    let message = payload.downcast_ref::<String>().unwrap();
    assert!(message.starts_with("assert_xml_eq!: right is not well-formed XML: "), "{message}");
}
