//! The message catalog: every word a user reads, in French and in English.
//!
//! The messages are [Fluent](https://projectfluent.org) files, `en.ftl` and `fr.ftl` beside
//! this module, built into the binary with `include_str!` and parsed once, the first time a
//! language is asked for (a process that prints in one language parses one file). Fluent
//! gives what a sentence needs and a table of strings does not: named parameters, plural
//! forms by each language's rules ("1 an" / "2 ans", "1 year" / "2 years"), and selectors,
//! so that the words that belong to one legal system (réclusion, indictment, a currency's
//! symbol) are chosen in the catalog by the data's value (`$custody -> [reclusion] …`),
//! never listed in the Rust code.
//!
//! Code asks for a message through [`msg!`](crate::msg) with a literal id, so that a test
//! (`tests` below) can check that every id used exists in both languages; the words keyed
//! by a data value go through [`keyed`], checked against the data by another test.
//!
//! The engine and the analyses return findings (enums), never sentences: the renderers of
//! `report` and `tui` turn them into words here.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English messages.
pub const EN: &str = include_str!("en.ftl");
/// The French messages.
pub const FR: &str = include_str!("fr.ftl");

/// A language of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// The language of a code: `fr` is French, anything else English (as everywhere in
    /// the program).
    pub fn of(code: &str) -> Lang {
        if code == "fr" { Lang::Fr } else { Lang::En }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// What names a language where a message is asked for: a code (`"fr"`, `"en"`), a
/// [`Lang`], the command line's language, or the interview's `fr` flag.
pub trait ToLang {
    fn to_lang(&self) -> Lang;
}

impl ToLang for Lang {
    fn to_lang(&self) -> Lang {
        *self
    }
}

impl ToLang for str {
    fn to_lang(&self) -> Lang {
        Lang::of(self)
    }
}

impl ToLang for &str {
    fn to_lang(&self) -> Lang {
        Lang::of(self)
    }
}

impl ToLang for String {
    fn to_lang(&self) -> Lang {
        Lang::of(self)
    }
}

/// The interview's flag: `true` is French.
impl ToLang for bool {
    fn to_lang(&self) -> Lang {
        if *self { Lang::Fr } else { Lang::En }
    }
}

impl<T: ToLang + ?Sized> ToLang for &&T {
    fn to_lang(&self) -> Lang {
        (**self).to_lang()
    }
}

/// A parameter of a message: text, or a number (which also picks a plural form).
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    /// A date, written as the language writes it in a text ("1 December 2041", "1er
    /// décembre 2041": message `date-long`).
    Date(chrono::NaiveDate),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Arg::Text(s)
    }
}

impl From<chrono::NaiveDate> for Arg<'_> {
    fn from(d: chrono::NaiveDate) -> Self {
        Arg::Date(d)
    }
}

impl From<&chrono::NaiveDate> for Arg<'_> {
    fn from(d: &chrono::NaiveDate) -> Self {
        Arg::Date(*d)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
        impl From<&$t> for Arg<'_> {
            fn from(n: &$t) -> Self {
                Arg::Number(*n as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize, f64);

type Bundle = FluentBundle<FluentResource>;

fn build(lang: Lang) -> Bundle {
    let (source, id) = match lang {
        Lang::En => (EN, "en"),
        Lang::Fr => (FR, "fr"),
    };
    // Both files are checked by the tests: a syntax error cannot reach a release.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let mut bundle = FluentBundle::new_concurrent(vec![id.parse().expect("a language id")]);
    // No Unicode isolation marks around parameters: the output is plain text and JSON.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static FR_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => EN_BUNDLE.get_or_init(|| build(Lang::En)),
        Lang::Fr => FR_BUNDLE.get_or_init(|| build(Lang::Fr)),
    }
}

/// Whether the catalog has a message `id` (in English: both languages have the same ids).
pub fn has(id: &str) -> bool {
    bundle(Lang::En).has_message(id)
}

/// The message `id` in `lang`, its parameters filled in. An unknown id (which the tests
/// rule out) gives the id itself.
pub fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "no message `{id}` in the catalog");
        return id.to_string();
    };
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(s) => a.set(*name, FluentValue::from(s.as_ref())),
                Arg::Number(n) => a.set(*name, FluentValue::from(*n)),
                Arg::Date(d) => a.set(*name, FluentValue::from(date(lang, *d))),
            }
        }
        a
    });
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
    debug_assert!(errors.is_empty(), "message `{id}`: {errors:?}");
    text.into_owned()
}

/// A message without parameters, kept for the life of the process: for the words an
/// interface asks for again and again (a status, a heading), and where a `&'static str` is
/// expected. Each message is rendered once per language.
pub fn fixed(lang: Lang, id: &'static str) -> &'static str {
    type Cache = std::sync::Mutex<std::collections::HashMap<(Lang, &'static str), &'static str>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
    map.entry((lang, id))
        .or_insert_with(|| Box::leak(format(lang, id, &[]).into_boxed_str()))
}

/// The words the catalog keys by a value of the data (`custody-reclusion`), when it has
/// them: `prefix-value`.
pub fn keyed(lang: impl ToLang, prefix: &str, value: &str) -> Option<String> {
    let lang = lang.to_lang();
    let id = format!("{prefix}-{value}");
    bundle(lang)
        .has_message(&id)
        .then(|| format(lang, &id, &[]))
}

/// A message of the catalog: `msg!(lang, "id")`, or with parameters
/// `msg!(lang, "id", name = value, …)`, or as a `&'static str` rendered once
/// `msg!(static lang, "id")` (see [`fixed`]). `lang` is anything [`ToLang`]; the id is a literal,
/// so that the tests can find it.
#[macro_export]
macro_rules! msg {
    (static $lang:expr, $id:literal) => {
        $crate::catalog::fixed($crate::catalog::ToLang::to_lang(&$lang), $id)
    };
    ($lang:expr, $id:literal) => {
        $crate::catalog::format($crate::catalog::ToLang::to_lang(&$lang), $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::catalog::format(
            $crate::catalog::ToLang::to_lang(&$lang),
            $id,
            &[$((stringify!($name), $crate::catalog::Arg::from($value))),+],
        )
    };
}

/// "label: value" as the language writes it (French puts a space before the colon).
pub fn labelled(lang: impl ToLang, label: &str, value: &str) -> String {
    format!("{label}{}{value}", label_separator(lang))
}

/// What joins a label to its value: ": ", in French " : " (also where the two are written
/// apart, a label in bold and a value in spans).
pub fn label_separator(lang: impl ToLang) -> &'static str {
    msg!(static lang.to_lang(), "label-separator")
}

/// What separates the items of a list whose items hold commas: "; ", in French " ; ".
pub fn list_separator(lang: impl ToLang) -> &'static str {
    msg!(static lang.to_lang(), "list-separator")
}

/// A date as a lawyer writes it in a text: "1 December 2041", "1er décembre 2041".
pub fn date(lang: impl ToLang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let lang = lang.to_lang();
    msg!(
        lang,
        "date-long",
        day = d.day(),
        month = d.month(),
        year = d.year().to_string()
    )
}

#[cfg(test)]
mod tests;
