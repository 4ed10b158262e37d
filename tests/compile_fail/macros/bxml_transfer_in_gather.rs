fn main() {
    let _ = callml::bxml! { Gather(max_digits = 1) { Transfer { PhoneNumber { "+1" } } } };
}
