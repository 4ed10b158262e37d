//! Queues: `<Enqueue>` (with its TaskRouter `<Task>`) and `<Leave>`.

use std::borrow::Cow;

use super::Method;
use crate::xml::define::define_element;

define_element! {
    /// `<Enqueue>`: puts the caller in the named queue (at most 64 characters; may be empty with
    /// `workflowSid`, when TaskRouter picks it). Its `<Task>` carries TaskRouter attributes.
    ///
    /// ```
    /// use callml::twiml::{Enqueue, Response, Task};
    /// let doc = Response::new().enqueue(Enqueue::new("").workflow_sid("WW123").task(Task::new(r#"{"language":"fr"}"#).priority(5)));
    /// assert!(doc.to_string().ends_with(r#"<Enqueue workflowSid="WW123"><Task priority="5">{"language":"fr"}</Task></Enqueue></Response>"#));
    /// ```
    pub struct Enqueue<'a> = "Enqueue" {
        /// URL requested when the caller leaves the queue (with `QueueResult`).
        action: Cow<'a, str> = "action",
        /// Most callers the queue holds.
        max_queue_size: u32 = "maxQueueSize",
        /// Method for `action`.
        method: Method = "method",
        /// Document played while waiting.
        wait_url: Cow<'a, str> = "waitUrl",
        /// Method for `waitUrl`.
        wait_url_method: Method = "waitUrlMethod",
        /// TaskRouter workflow (`WW...`) that gets a task for the call.
        workflow_sid: Cow<'a, str> = "workflowSid",
    }
    content: mixed new(text) EnqueueContent / IntoEnqueueContent {
        message = "`<Enqueue>` cannot contain `{Self}`",
        note = "`<Enqueue>` accepts the queue name as text and Task";
        Task => task,
    }
}

define_element! {
    /// `<Task>`: the TaskRouter task attributes of an `<Enqueue>`, as a JSON object (escaped as
    /// text).
    ///
    /// ```
    /// use callml::twiml::Task;
    /// assert_eq!(Task::new(r#"{"a":1}"#).timeout(60).to_string(), r#"<Task timeout="60">{"a":1}</Task>"#);
    /// ```
    pub struct Task<'a> = "Task" {
        /// Task priority.
        priority: u32 = "priority",
        /// Seconds the task may wait.
        timeout: u32 = "timeout",
    }
    content: text;
}

define_element! {
    /// `<Leave>`: takes the caller out of the queue (in an `<Enqueue>`'s `waitUrl` document); the
    /// call resumes after the `<Enqueue>`.
    ///
    /// ```
    /// use callml::twiml::{Leave, Response};
    /// assert!(Response::new().leave().to_string().ends_with("<Response><Leave/></Response>"));
    /// ```
    pub struct Leave<'a> = "Leave" {
    }
    content: empty;
}
