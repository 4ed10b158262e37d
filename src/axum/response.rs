//! Documents as axum responses: `200`, `Content-Type: application/xml; charset=utf-8`.

use ::axum::http::header::CONTENT_TYPE;
use ::axum::response::{IntoResponse, Response};

use crate::xml::Render;

/// The content type every document is served with.
pub const XML_CONTENT_TYPE: &str = "application/xml; charset=utf-8";

fn xml(doc: &impl Render) -> Response {
    let mut body = Vec::with_capacity(crate::xml::INITIAL_CAPACITY);
    doc.write_to(&mut body);
    ([(CONTENT_TYPE, XML_CONTENT_TYPE)], body).into_response()
}

impl IntoResponse for crate::twiml::Response<'_> {
    fn into_response(self) -> Response {
        xml(&self)
    }
}

impl IntoResponse for crate::bxml::Response<'_> {
    fn into_response(self) -> Response {
        xml(&self)
    }
}

impl IntoResponse for crate::bxml::Bxml<'_> {
    fn into_response(self) -> Response {
        xml(&self)
    }
}
