//! Reading the usual JSON record straight into a case, in one pass, giving up at anything unusual.

use super::*;

/// Reads the usual record straight into a case, in one pass over its text: the steps of a
/// case file ([`CaseReader`], which [`Case::from_table`] takes too) on the values
/// [`json_to_de`] would make, without the [`Json`] tree, the table and the fields that only
/// serve to locate a problem. `None` at the first problem, or at anything unusual (keys
/// repeated or unknown, a nested object, a list holding other than texts): the record is
/// then read again through the table, which reports what is wrong.
///
/// The keys of an object may come in any order (people write `case` before `victim`): the
/// case holds its facts in key order whatever the order read, and a key given twice, which
/// the table refuses, makes the reading give up ([`Met`]), as does a key the vocabulary
/// does not know (even of a `null`, which the table reads as absent).
pub(super) fn read_directly(text: &str, vocab: &Vocabulary, today: NaiveDate) -> Option<Case> {
    let source = SourceText::new(String::new(), String::new());
    let mut reader = CaseReader::new(&source, vocab);
    let mut de = serde_json::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(Record(&mut reader), &mut de).ok()?;
    de.end().ok()?;
    reader.finish(&|_| None, today).ok()
}

/// Why the one-pass reading gave up (never shown: the record is read again).
fn give_up<E: serde::de::Error>() -> E {
    E::custom("read through the table")
}

/// The positions met so far in one record, to tell a key given twice: of the sections
/// ([`OpenSection::index`]) or of the facts ([`StatedFact::slot`], one for each section and
/// key). A key is found in the vocabulary anyway, and its position compared rather than its
/// text (before, each key was compared with the greatest met, a call to `memcmp`). A key the
/// vocabulary does not know makes the reading give up, so that a record holds no more keys
/// than the vocabulary declares, and a line of a megabyte of keys is not read in quadratic
/// time.
#[derive(Default)]
struct Met {
    /// The first 256 positions, a bit each.
    bits: [u64; 4],
    /// Beyond (a vocabulary of more than 256 facts), in a list.
    more: Vec<usize>,
}

impl Met {
    /// Whether `i` is met for the first time (and now met).
    fn first(&mut self, i: usize) -> bool {
        match self.bits.get_mut(i / 64) {
            Some(word) => {
                let bit = 1 << (i % 64);
                let first = *word & bit == 0;
                *word |= bit;
                first
            }
            None if self.more.contains(&i) => false,
            None => {
                self.more.push(i);
                true
            }
        }
    }
}

/// A whole record, read into a [`CaseReader`]: `version`, then the sections.
struct Record<'r, 's>(&'r mut CaseReader<'s>);

impl<'de> serde::de::DeserializeSeed<'de> for Record<'_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Record<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut version = false;
        let mut sections = Met::default();
        let mut facts = Met::default();
        while let Some(CowKey(name)) = map.next_key::<CowKey<'de>>()? {
            if name == "version" {
                if std::mem::replace(&mut version, true) {
                    return Err(give_up());
                }
                // `null` is an absent key, whatever the key (as `json_to_de` makes it).
                let value: Json = map.next_value()?;
                if !matches!(value, Json::Null) {
                    let de = fact_value(&value).ok_or_else(give_up)?;
                    self.0.version(&de, 0..0).map_err(|_| give_up())?;
                }
            } else {
                // A section the vocabulary does not know is refused, unless `null` (an
                // absent section): given up on either way, a rare thing.
                let open = self.0.section(&name, 0).map_err(|_| give_up())?;
                if !sections.first(open.index()) {
                    return Err(give_up());
                }
                map.next_value_seed(Section {
                    reader: &mut *self.0,
                    open,
                    facts: &mut facts,
                })?;
            }
        }
        Ok(())
    }
}

/// One section of a record (or `null`, an absent one), its facts read into a
/// [`CaseReader`].
struct Section<'r, 's, 'n> {
    reader: &'r mut CaseReader<'s>,
    open: OpenSection<'n>,
    /// The facts met in the record so far.
    facts: &'r mut Met,
}

impl<'de> serde::de::DeserializeSeed<'de> for Section<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Section<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a section")
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let reader = self.reader;
        while let Some(CowKey(key)) = map.next_key::<CowKey<'de>>()? {
            // A key the vocabulary does not know is refused, unless `null` (an absent
            // fact): given up on either way, a rare thing.
            let fact = reader.stated(self.open, &key).ok_or_else(give_up)?;
            if !self.facts.first(fact.slot()) {
                return Err(give_up());
            }
            // A list fact: its texts read one by one, as they come.
            if let Some(list) = reader.texts(fact) {
                map.next_value_seed(List {
                    reader: &mut *reader,
                    list,
                })?;
                continue;
            }
            let read = match map.next_value::<FactJson>()? {
                // `null` is an absent key (as `json_to_de` makes it).
                FactJson::Null => true,
                FactJson::Number(n) => reader.number(fact, n),
                FactJson::Bool(b) => reader.boolean(fact, b),
                FactJson::Str(s) => reader.text_fact(fact, &s),
            };
            if !read {
                return Err(give_up());
            }
        }
        Ok(())
    }
}

/// The value of a list fact (or `null`, an absent one): its texts read into the
/// [`CaseReader`], each as it comes, without a list of them made first. Anything else is
/// unusual (and read through the table, which reports it).
struct List<'r, 's> {
    reader: &'r mut CaseReader<'s>,
    list: Texts<'s>,
}

impl<'de> serde::de::DeserializeSeed<'de> for List<'_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for List<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of texts")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        // A text is read as a key is; anything else fails (and is read through the table).
        while let Some(CowKey(s)) = seq.next_element()? {
            if !self.reader.text(&mut self.list, &s) {
                return Err(give_up());
            }
        }
        self.reader.end_texts(self.list);
        Ok(())
    }
}

/// The value of a fact other than a list as the one-pass reading takes it: what
/// [`fact_value`] accepts but a list (unusual there: the fact then refuses it), with
/// numbers as serde_json parsed them rather than as text (see [`CaseReader::number`]).
enum FactJson<'de> {
    Null,
    Bool(bool),
    Number(Number),
    Str(Cow<'de, str>),
}

impl<'de> serde::Deserialize<'de> for FactJson<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FactVisitor)
    }
}

struct FactVisitor;

impl<'de> serde::de::Visitor<'de> for FactVisitor {
    type Value = FactJson<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the value of a fact")
    }

    fn visit_bool<E>(self, b: bool) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Number(Number::Int(n)))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<FactJson<'de>, E> {
        // Beyond i64, the number is refused or rounded: [`Json`] decides.
        let n = i64::try_from(n).map_err(|_| give_up())?;
        Ok(FactJson::Number(Number::Int(n)))
    }

    fn visit_f64<E>(self, n: f64) -> Result<FactJson<'de>, E> {
        // As [`Json`]: a float that is not finite is null.
        Ok(if n.is_finite() {
            FactJson::Number(Number::Float(n))
        } else {
            FactJson::Null
        })
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Str(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Str(Cow::Owned(s)))
    }

    fn visit_unit<E>(self) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Null)
    }

    fn visit_none<E>(self) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Null)
    }
}
