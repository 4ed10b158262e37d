//! The engine behind the `twiml!` and `bxml!` macros: turns markup-like syntax into builder
//! calls. Every element becomes `Type::default()`, every attribute a setter call (or `.attr` for a
//! quoted name), every content item a `.child(..)` call, so nesting rules and their compiler
//! messages are the builder's own.

/// Internal: the shared expansion of `twiml!` and `bxml!`. `$ns` names a module that re-exports
/// the dialect's elements, the SSML elements and `Custom`.
#[doc(hidden)]
#[macro_export]
macro_rules! __markup {
    // ----- one element -----
    (@element $ns:ident $name:ident ( $( $key:tt = $value:expr ),* $(,)? ) { $($body:tt)* }) => {{
        #[allow(unused_mut)]
        let mut __element = $crate::$ns::$name::default();
        $( __element = $crate::__markup!(@attribute __element $key = $value); )*
        $crate::__markup!(@content $ns __element; $($body)*);
        __element
    }};
    (@custom $ns:ident ( $name:expr $(, $key:literal = $value:expr )* $(,)? ) { $($body:tt)* }) => {{
        #[allow(unused_mut)]
        let mut __element = $crate::xml::Custom::new($name);
        $( __element = __element.attr($key, $value); )*
        $crate::__markup!(@content $ns __element; $($body)*);
        __element
    }};

    (@attribute $e:ident $key:literal = $value:expr) => { $e.attr($key, $value) };
    (@attribute $e:ident $key:ident = $value:expr) => { $e.$key($value) };

    // ----- content items, one at a time -----
    (@content $ns:ident $e:ident; ) => {};
    (@content $ns:ident $e:ident; $text:literal $($rest:tt)*) => {
        $e = $e.child($text);
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; ( $value:expr ) $($rest:tt)*) => {
        $e = $e.child($value);
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; .. ( $items:expr ) $($rest:tt)*) => {
        for __item in ::core::iter::IntoIterator::into_iter($items) {
            $e = $e.child(__item);
        }
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; if $cond:tt { $($then:tt)* } else { $($otherwise:tt)* } $($rest:tt)*) => {
        #[allow(unused_parens)]
        let __condition: bool = $cond;
        if __condition {
            $crate::__markup!(@content $ns $e; $($then)*);
        } else {
            $crate::__markup!(@content $ns $e; $($otherwise)*);
        }
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; if $cond:tt { $($then:tt)* } $($rest:tt)*) => {
        #[allow(unused_parens)]
        let __condition: bool = $cond;
        if __condition {
            $crate::__markup!(@content $ns $e; $($then)*);
        }
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; for $pat:pat in $items:tt { $($body:tt)* } $($rest:tt)*) => {
        #[allow(unused_parens)]
        let __items = $items;
        for $pat in __items {
            $crate::__markup!(@content $ns $e; $($body)*);
        }
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; Custom ( $($head:tt)* ) { $($body:tt)* } $($rest:tt)*) => {
        $e = $e.child($crate::__markup!(@custom $ns ( $($head)* ) { $($body)* }));
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; Custom ( $($head:tt)* ) $($rest:tt)*) => {
        $e = $e.child($crate::__markup!(@custom $ns ( $($head)* ) {}));
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; $name:ident ( $($attrs:tt)* ) { $($body:tt)* } $($rest:tt)*) => {
        $e = $e.child($crate::__markup!(@element $ns $name ( $($attrs)* ) { $($body)* }));
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; $name:ident ( $($attrs:tt)* ) $($rest:tt)*) => {
        $e = $e.child($crate::__markup!(@element $ns $name ( $($attrs)* ) {}));
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; $name:ident { $($body:tt)* } $($rest:tt)*) => {
        $e = $e.child($crate::__markup!(@element $ns $name () { $($body)* }));
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
    (@content $ns:ident $e:ident; $name:ident $($rest:tt)*) => {
        $e = $e.child($crate::__markup!(@element $ns $name () {}));
        $crate::__markup!(@content $ns $e; $($rest)*);
    };
}
