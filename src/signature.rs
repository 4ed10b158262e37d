//! Twilio's request signature (`X-Twilio-Signature`): HMAC-SHA1, keyed with the account's auth
//! token, over the full request URL followed by every POST parameter's name and value, sorted by
//! name; base64-encoded.

use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use subtle::ConstantTimeEq;

/// The signature Twilio computes for a request to `url` with these POST parameters.
///
/// ```
/// // Twilio's documented example.
/// let params = [
///     ("CallSid", "CA1234567890ABCDE"), ("Caller", "+12349013030"), ("Digits", "1234"),
///     ("From", "+12349013030"), ("To", "+18005551212"),
/// ];
/// let sig = callml::signature::twilio_signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", &params);
/// assert_eq!(sig, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
/// ```
pub fn twilio_signature<K: AsRef<str>, V: AsRef<str>>(auth_token: &str, url: &str, params: &[(K, V)]) -> String {
    let mut sorted: Vec<(&str, &str)> = params.iter().map(|(k, v)| (k.as_ref(), v.as_ref())).collect();
    sorted.sort();
    // HMAC takes keys of any length; the error arm is unreachable and yields a signature that
    // never verifies.
    let Ok(mut mac) = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(auth_token.as_bytes()) else {
        return String::new();
    };
    mac.update(url.as_bytes());
    for (k, v) in sorted {
        mac.update(k.as_bytes());
        mac.update(v.as_bytes());
    }
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Whether `signature` (the `X-Twilio-Signature` header) matches, compared in constant time.
///
/// ```
/// let params = [("CallSid", "CA1"), ("From", "+1")];
/// let sig = callml::signature::twilio_signature("token", "https://example.com/twiml", &params);
/// assert!(callml::signature::verify_twilio_signature("token", "https://example.com/twiml", &params, &sig));
/// assert!(!callml::signature::verify_twilio_signature("other", "https://example.com/twiml", &params, &sig));
/// ```
pub fn verify_twilio_signature<K: AsRef<str>, V: AsRef<str>>(
    auth_token: &str,
    url: &str,
    params: &[(K, V)],
    signature: &str,
) -> bool {
    let expected = twilio_signature(auth_token, url, params);
    expected.as_bytes().ct_eq(signature.trim().as_bytes()).into()
}
