// The direct writer checks nesting as the tree does: `<Gather>` has no `dial` child method, and
// `child` takes only what `<Gather>` accepts.
use callml::twiml::{Dial, Response};

fn main() {
    let _ = Response::write_xml(|r| r.gather(|g| g.dial(|d| d)));
    let _ = Response::write_xml(|r| r.gather(|g| g.child(Dial::new())));
}
