//! The ladders (after the comparison): how the answer changes with the child's age, and
//! with the age gap where a close-in-age rule is in play — a table, the chart (HTML) and
//! the thresholds.

use super::{Block, Target};
use crate::document::Document;
use crate::document::blocks::*;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    for s in &doc.ladders {
        let mut o = vec![
            Block::heading(2, spans![&s.title]),
            Block::para(spans![&s.intro]),
        ];
        let mut head = vec![Column::from(spans![&s.fact_label])];
        head.extend(s.systems.iter().map(|x| Column::from(spans![x])));
        o.push(Block::Table(Table {
            kind: TableKind::Plain,
            caption: None,
            head: Some(head),
            rows: s
                .rows
                .iter()
                .map(|r| r.iter().map(|c| Cell::from(spans![c])).collect())
                .collect(),
        }));
        if to == Target::Html {
            o.push(Block::Figure {
                chart: Chart::Ladder(s.svg.clone()),
                caption: s.title.clone(),
            });
        }
        o.push(Block::para(spans![msg!(static l, "ladder-thresholds")]));
        let mut list = List::default();
        if s.thresholds.is_empty() {
            list.push(spans![msg!(static l, "explore-no-threshold")]);
        }
        for t in &s.thresholds {
            list.push(spans![t]);
        }
        o.push(Block::List(list));
        out.push(Block::Part(
            Part::Section {
                id: if s.fact == "victim.age" {
                    "ladder-age"
                } else {
                    "ladder-gap"
                },
            },
            o,
        ));
    }
}
