//! The `twiml!` and `bxml!` macros of [callml](https://docs.rs/callml): markup-like syntax that
//! expands to callml's builder calls. Use them through `callml`, which documents every form.
//!
//! A proc-macro rather than `macro_rules!` for one reason: spans. Every builder call is emitted
//! with the span of the element, attribute or text that caused it, so a nesting error
//! (`<Gather>` cannot contain `Dial`) points at the offending element in the macro input.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Ident, Lit, LitStr, Pat, Token, braced, parenthesized};

/// Builds a `callml::twiml::Response`; see `callml::twiml!`.
#[proc_macro]
pub fn twiml(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand(input, "twiml")
}

/// Builds a `callml::bxml::Response`; see `callml::bxml!`.
#[proc_macro]
pub fn bxml(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand(input, "bxml")
}

/// `dialect` names the module whose `prelude` the element names resolve in.
fn expand(input: proc_macro::TokenStream, dialect: &str) -> proc_macro::TokenStream {
    let items = match syn::parse::<Items>(input) {
        Ok(items) => items,
        Err(e) => return e.to_compile_error().into(),
    };
    let dialect = Ident::new(dialect, Span::call_site());
    let names = quote!(#dialect::prelude);
    let root = Ident::new("Response", Span::call_site());
    element(&names, &root, &[], Some(&items)).into()
}

/// Content: a sequence of items.
struct Items(Vec<Item>);

enum Key {
    Setter(Ident),
    Extra(LitStr),
}

struct Attr {
    key: Key,
    value: Expr,
}

enum Item {
    Text(Lit),
    Value(Expr),
    Splice(Expr),
    If { cond: Expr, then: Items, otherwise: Option<Items> },
    For { pat: Pat, iter: Expr, body: Items },
    Custom { span: Span, name: Expr, attrs: Vec<(LitStr, Expr)>, body: Option<Items> },
    Element { name: Ident, attrs: Vec<Attr>, body: Option<Items> },
}

impl Parse for Items {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut items = Vec::new();
        while !input.is_empty() {
            items.push(input.parse()?);
        }
        Ok(Items(items))
    }
}

fn braced_items(input: ParseStream<'_>) -> syn::Result<Items> {
    let content;
    braced!(content in input);
    content.parse()
}

fn optional_body(input: ParseStream<'_>) -> syn::Result<Option<Items>> {
    if input.peek(syn::token::Brace) { braced_items(input).map(Some) } else { Ok(None) }
}

impl Parse for Attr {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let key = if input.peek(LitStr) {
            Key::Extra(input.parse()?)
        } else {
            Key::Setter(input.call(Ident::parse_any_ident)?)
        };
        input.parse::<Token![=]>()?;
        Ok(Attr { key, value: input.parse()? })
    }
}

trait ParseAnyIdent {
    fn parse_any_ident(input: ParseStream<'_>) -> syn::Result<Ident>;
}
impl ParseAnyIdent for Ident {
    fn parse_any_ident(input: ParseStream<'_>) -> syn::Result<Ident> {
        syn::ext::IdentExt::parse_any(input)
    }
}

impl Parse for Item {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(Lit) {
            return Ok(Item::Text(input.parse()?));
        }
        if input.peek(syn::token::Paren) {
            let content;
            parenthesized!(content in input);
            return Ok(Item::Value(content.parse()?));
        }
        if input.peek(Token![..]) {
            input.parse::<Token![..]>()?;
            let content;
            parenthesized!(content in input);
            return Ok(Item::Splice(content.parse()?));
        }
        if input.peek(Token![if]) {
            input.parse::<Token![if]>()?;
            let cond = Expr::parse_without_eager_brace(input)?;
            let then = braced_items(input)?;
            let otherwise = if input.peek(Token![else]) {
                input.parse::<Token![else]>()?;
                Some(braced_items(input)?)
            } else {
                None
            };
            return Ok(Item::If { cond, then, otherwise });
        }
        if input.peek(Token![for]) {
            input.parse::<Token![for]>()?;
            let pat = Pat::parse_multi(input)?;
            input.parse::<Token![in]>()?;
            let iter = Expr::parse_without_eager_brace(input)?;
            let body = braced_items(input)?;
            return Ok(Item::For { pat, iter, body });
        }
        let name: Ident = input.parse()?;
        if name == "Custom" && input.peek(syn::token::Paren) {
            let content;
            parenthesized!(content in input);
            let element_name: Expr = content.parse()?;
            let mut attrs = Vec::new();
            while content.peek(Token![,]) {
                content.parse::<Token![,]>()?;
                if content.is_empty() {
                    break;
                }
                let key: LitStr = content.parse()?;
                content.parse::<Token![=]>()?;
                attrs.push((key, content.parse()?));
            }
            return Ok(Item::Custom { span: name.span(), name: element_name, attrs, body: optional_body(input)? });
        }
        let attrs = if input.peek(syn::token::Paren) {
            let content;
            parenthesized!(content in input);
            Punctuated::<Attr, Token![,]>::parse_terminated(&content)?.into_iter().collect()
        } else {
            Vec::new()
        };
        Ok(Item::Element { name, attrs, body: optional_body(input)? })
    }
}

/// The builder variable, hygienic so it cannot clash with the caller's names.
fn target() -> Ident {
    Ident::new("__callml_element", Span::mixed_site())
}

fn element(names: &TokenStream, name: &Ident, attrs: &[Attr], body: Option<&Items>) -> TokenStream {
    let t = target();
    let ty = quote_spanned!(name.span()=> callml::#names::#name);
    let sets = attrs.iter().map(|a| match &a.key {
        Key::Setter(k) => {
            let v = &a.value;
            quote_spanned!(k.span()=> #t = #t.#k(#v);)
        }
        Key::Extra(k) => {
            let v = &a.value;
            quote_spanned!(k.span()=> #t = #t.attr(#k, #v);)
        }
    });
    let content = body.map(|b| items(names, b)).unwrap_or_default();
    quote_spanned!(name.span()=> {
        #[allow(unused_mut)]
        let mut #t = <#ty>::default();
        #(#sets)*
        #content
        #t
    })
}

/// Appends `child` (an expression) with the span of what produced it, so a nesting error points
/// there.
fn append(span: Span, child: TokenStream) -> TokenStream {
    // The same hygienic variable, located at the element: the whole `.child(..)` call then carries
    // the element's span.
    let t = Ident::new("__callml_element", span.resolved_at(Span::mixed_site()));
    // Resolved at the call site (not mixed-site) so that rustc keeps its location: the argument
    // of `.child(..)` is where a nesting error is reported.
    let var = Ident::new("__callml_child", span);
    quote_spanned!(span=> {
        let #var = #child;
        #t = #t.child(#var);
    })
}

fn items(names: &TokenStream, items: &Items) -> TokenStream {
    let t = target();
    items
        .0
        .iter()
        .map(|item| match item {
            Item::Text(lit) => append(lit.span(), quote!(#lit)),
            Item::Value(e) => append(e.span(), quote!(#e)),
            Item::Splice(e) => {
                let item = Ident::new("__callml_item", Span::mixed_site());
                let var = Ident::new("__callml_child", e.span().resolved_at(Span::mixed_site()));
                quote_spanned!(e.span()=>
                    for #item in ::core::iter::IntoIterator::into_iter(#e) {
                        let #var = #item;
                        #t = #t.child(#var);
                    }
                )
            }
            Item::If { cond, then, otherwise } => {
                let then = self::items(names, then);
                let otherwise = otherwise.as_ref().map(|o| self::items(names, o)).unwrap_or_default();
                quote!(if #cond { #then } else { #otherwise })
            }
            Item::For { pat, iter, body } => {
                let body = self::items(names, body);
                quote!(for #pat in #iter { #body })
            }
            Item::Custom { span, name, attrs, body } => {
                let sets = attrs.iter().map(|(k, v)| quote_spanned!(k.span()=> #t = #t.attr(#k, #v);));
                let content = body.as_ref().map(|b| self::items(names, b)).unwrap_or_default();
                let custom = quote_spanned!(*span=> {
                    #[allow(unused_mut)]
                    let mut #t = callml::xml::Custom::new(#name);
                    #(#sets)*
                    #content
                    #t
                });
                append(*span, custom)
            }
            Item::Element { name, attrs, body } => append(name.span(), element(names, name, attrs, body.as_ref())),
        })
        .collect()
}
