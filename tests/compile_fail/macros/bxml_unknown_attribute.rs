fn main() {
    let _ = callml::bxml! { Gather(gatherUrl = "/menu") };
}
