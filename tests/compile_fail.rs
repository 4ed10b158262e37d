//! Every nesting rule, as a program that must not compile, with the compiler's message kept in
//! the `.stderr` file next to it.

#[test]
fn nesting_rules() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/compile_fail/twiml/*.rs");
    t.compile_fail("tests/compile_fail/bxml/*.rs");
    t.compile_fail("tests/compile_fail/macros/*.rs");
}
