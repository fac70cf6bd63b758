//! Every condition, and every part of a condition, that tests no provision's status, as the
//! nodes of one graph evaluated once per case, before any provision: what the data writes
//! in many places ("victim.age < 18" in 84) is a single node, and what reads no fact the
//! case states keeps the value it has for a case that states nothing, computed once.
//!
//! A node is a leaf (a test of facts or of a system's parameters, never a conjunction,
//! disjunction or negation) or an operation on nodes created before it. Per case, the
//! values start as those of the blank case; only the leaves that read a fact the case
//! states are evaluated again, then every operation above them, in order (children before
//! parents). When one fact changes, only its leaves and the operations above them are.
//!
//! The nodes come in three layers ([`LAYERS`]): first those of the provisions' conditions,
//! which every evaluation needs; then those of the conduct classes, which batch reads
//! beside its summary; then those that only an explanation or a comparison reads (the
//! rules of limitation and jurisdiction, the instruments read for a state), which batch
//! leaves at their blank values. A node of a layer may read one of the layers before it;
//! never the reverse (a layer is built after those before it).

use std::collections::HashMap;

use super::cond::{Cond, Enumeration, Env, Facts, Read, Scope, StatusLiteral};
use crate::condition::{self as cond, CmpOp, Expr, Operand};
use crate::logic::Tri;
use qualif_law::facts::{Case, Value, Vocabulary};

/// How many layers the nodes come in: the provisions' ([`PROVISIONS`]), the conduct
/// classes' ([`CONDUCTS`]), and the rest.
pub(super) const LAYERS: usize = 3;
/// The first layer alone: what a summary reads.
pub(super) const PROVISIONS: usize = 1;
/// The first two layers: a summary and the conduct classes.
pub(super) const CONDUCTS: usize = 2;

#[derive(Debug, Clone, Default)]
pub(super) struct Graph<'a> {
    /// Each node's value for a case that states no fact.
    pub(super) blank: Vec<Tri>,
    /// The leaves: a node and its test.
    pub(super) leaves: Vec<(u32, Cond<'a>)>,
    /// By position in the vocabulary: the leaves that read the fact (by their index in
    /// [`Graph::leaves`]), but for those of the three kinds below.
    fact_leaves: ByFact<u32>,
    /// Kept apart, by fact, three kinds of test of one fact that a case's value of the fact
    /// decides for all of them at once, in a loop without a test's dispatch: whether the
    /// value is among some of its enumeration's ([`Cond::Bits`]), a comparison with a
    /// number ([`Cond::CompareNumber`]), and whether it is true ([`Cond::Truthy`]).
    bit_leaves: ByFact<BitLeaf>,
    number_leaves: ByFact<NumberLeaf>,
    /// The nodes of the fact's truth (one per fact: a leaf is made once for its text).
    truthy_leaves: ByFact<u32>,
    /// The leaves that read a fact the vocabulary does not declare (only in a law book
    /// assembled by hand), evaluated for every case.
    always: Vec<u32>,
    /// The operations, in the order of their nodes.
    pub(super) operations: Vec<Operation>,
    /// By position in the vocabulary: the operations that depend on the fact (through
    /// their operands), as a set of bits by position in [`Graph::operations`], `words`
    /// words each. An operation that depends on no fact the case states keeps its blank
    /// value, so only those of the facts stated are evaluated again.
    operations_by_fact: Vec<u64>,
    /// The operations that depend on a leaf of [`Graph::always`].
    always_operations: Vec<u64>,
    words: usize,
    /// Where each layer starts: its first leaf, its first operation, its first node.
    layer_leaves: [u32; LAYERS],
    layer_operations: [usize; LAYERS],
    pub(super) layer_nodes: [usize; LAYERS],
    /// How many layers have been started (while building).
    started: usize,
    /// The first `k + 1` layers at `upto[k]`: how many of [`Graph::always`] are theirs,
    /// how many words of operations they span, and the bits of the last of those words
    /// that are theirs.
    upto: [(usize, usize, u64); LAYERS],
}

/// Items of one kind, by fact and layer: those of the fact at position `f` in the
/// vocabulary and of the layers `0..k` at `items[bounds[f][0]..bounds[f][k]]`.
#[derive(Debug, Clone)]
struct ByFact<T> {
    bounds: Vec<[u32; LAYERS + 1]>,
    items: Vec<T>,
}

impl<T> Default for ByFact<T> {
    fn default() -> Self {
        Self {
            bounds: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T> ByFact<T> {
    /// The items of the fact at `slot`, of its first `layers` layers.
    #[inline]
    fn of(&self, slot: usize, layers: usize) -> &[T] {
        let bounds = &self.bounds[slot];
        &self.items[bounds[0] as usize..bounds[layers] as usize]
    }

    /// From the leaves of each fact, in increasing order (so the first layer's first),
    /// each made an item by `item`.
    fn of_leaves(
        leaves_by_fact: &[Vec<u32>],
        layer_leaves: &[u32; LAYERS],
        item: impl Fn(u32) -> T,
    ) -> Self {
        let mut by_fact = Self::default();
        for leaves in leaves_by_fact {
            let bounds = layer_bounds(leaves, layer_leaves, by_fact.items.len());
            by_fact.items.extend(leaves.iter().map(|&l| item(l)));
            by_fact.bounds.push(bounds);
        }
        by_fact
    }
}

/// A leaf that compares a fact with a number ([`Cond::CompareNumber`]).
#[derive(Debug, Clone, Copy)]
struct NumberLeaf {
    node: u32,
    op: CmpOp,
    number: f64,
    /// The leaf in [`Graph::leaves`]: evaluated as written when the case's value of the
    /// fact is not a plain number.
    leaf: u32,
}

/// A leaf that tests whether a fact's value (one of its values, for a list) is among the
/// values of an enumeration whose bits are in `mask` ([`Cond::Bits`]).
#[derive(Debug, Clone, Copy)]
struct BitLeaf {
    node: u32,
    mask: u64,
    /// The leaf in [`Graph::leaves`]: evaluated as written when the case gives the fact
    /// no bits (a value the enumeration does not list).
    leaf: u32,
}

/// A negation of a node, or a conjunction or disjunction of two: a condition of more
/// operands is a chain of them (`a and b and c` is `(a and b) and c`), so that evaluating
/// an operation is two reads and a choice from a table, without a loop whose length
/// changes from one operation to the next.
#[derive(Debug, Clone, Copy)]
pub(super) struct Operation {
    pub(super) node: u32,
    kind: OperationKind,
    /// Its operands (a negation's twice).
    a: u32,
    b: u32,
}

/// By its index in the table [`Operation::apply`] chooses from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
enum OperationKind {
    And = 0,
    Or = 1,
    Not = 2,
}

impl Graph<'_> {
    /// The value of every node for the facts of `facts` (the case `case`), into `values`:
    /// of the first `layers` layers (the others keeping their blank values).
    pub(super) fn evaluate(
        &self,
        facts: &Facts,
        case: &Case,
        values: &mut Vec<Tri>,
        layers: usize,
    ) {
        values.clear();
        values.extend_from_slice(&self.blank);
        self.evaluate_again(facts, case, &facts.known, values, layers);
    }

    /// Brings `values`, the nodes' values for other facts, up to date for `facts` when only
    /// the facts at the positions `changed` differ: their leaves, those of
    /// [`Graph::always`], and the operations above them are evaluated again (of the first
    /// `layers` layers, from 1 to [`LAYERS`]).
    pub(super) fn evaluate_again(
        &self,
        facts: &Facts,
        case: &Case,
        changed: &[usize],
        values: &mut [Tri],
        layers: usize,
    ) {
        let (always, words, last) = self.upto[layers - 1];
        let env = Env {
            facts,
            case,
            statuses: &[],
            nodes: &[],
        };
        for &slot in changed {
            // The fact's leaves of the first layer, then of the next up to `layers`: those
            // of the three kinds kept apart, then the others.
            let value = facts.values[slot];
            let bit_leaves = self.bit_leaves.of(slot, layers);
            match facts.bits[slot] {
                Some(bits) => {
                    for b in bit_leaves {
                        values[b.node as usize] = Tri::from_bool(bits & b.mask != 0);
                    }
                }
                None => self.as_written(bit_leaves.iter().map(|b| b.leaf), &env, values),
            }
            // As `Cond::CompareNumber` reads the fact.
            let number_leaves = self.number_leaves.of(slot, layers);
            match value.map(Value::as_number) {
                Some(Some(x)) => {
                    for n in number_leaves {
                        values[n.node as usize] = cond::compare_numbers(x, n.op, n.number);
                    }
                }
                None => {
                    for n in number_leaves {
                        values[n.node as usize] = Tri::Unknown;
                    }
                }
                Some(None) => self.as_written(number_leaves.iter().map(|n| n.leaf), &env, values),
            }
            let truth = cond::truthy(value);
            for &node in self.truthy_leaves.of(slot, layers) {
                values[node as usize] = truth;
            }
            self.as_written(
                self.fact_leaves.of(slot, layers).iter().copied(),
                &env,
                values,
            );
        }
        self.as_written(self.always[..always].iter().copied(), &env, values);
        // In increasing order of position, which is the order of the nodes: an operation
        // after its operands. A word of operations at a time: those that the changed facts
        // (and the facts no vocabulary declares) reach.
        for w in 0..words {
            let mut word = self.always_operations[w];
            for &slot in changed {
                word |= self.operations_by_fact[slot * self.words + w];
            }
            if w + 1 == words {
                word &= last;
            }
            while word != 0 {
                let op = &self.operations[w * 64 + word.trailing_zeros() as usize];
                values[op.node as usize] = op.apply(values);
                word &= word - 1;
            }
        }
    }
}

impl Graph<'_> {
    /// Evaluates the leaves `leaves` (indices in [`Graph::leaves`]) as their tests are
    /// written.
    #[inline]
    fn as_written(&self, leaves: impl Iterator<Item = u32>, env: &Env, values: &mut [Tri]) {
        for leaf in leaves {
            let (node, test) = &self.leaves[leaf as usize];
            values[*node as usize] = test.eval(env);
        }
    }
}

impl Operation {
    /// Its value, from the values of its operands (as [`Expr::eval`] combines them): the
    /// conjunction, disjunction and negation are all taken, the operation choosing one by
    /// its kind from a table, so that nothing depends on the values or on the kind (which
    /// operations a case evaluates depends on its facts: a branch on the kind is one a
    /// processor would mispredict).
    #[inline(always)]
    pub(super) fn apply(&self, values: &[Tri]) -> Tri {
        let (x, y) = (values[self.a as usize], values[self.b as usize]);
        [x.and(y), x.or(y), x.not()][self.kind as usize]
    }
}

/// Builds the [`Graph`] of a law book, system after system.
pub(super) struct GraphBuilder<'a, 'v> {
    graph: Graph<'a>,
    vocab: &'v Vocabulary,
    enums: &'v [Enumeration<'a>],
    /// A blank case, laid out: what [`Graph::blank`] is computed against.
    blank_facts: Facts<'v>,
    blank_case: Case,
    /// By position in the vocabulary: the leaves that read the fact, and apart those of the
    /// three kinds [`Graph::bit_leaves`], [`Graph::number_leaves`] and
    /// [`Graph::truthy_leaves`] (by their index in [`Graph::leaves`]).
    by_fact: Vec<Vec<u32>>,
    bits_by_fact: Vec<Vec<u32>>,
    numbers_by_fact: Vec<Vec<u32>>,
    truthy_by_fact: Vec<Vec<u32>>,
    /// The node of each condition written as a whole, by its text and, when it reads a
    /// parameter (whose value is the scope's), the scope: the same text parses to the same
    /// condition (checked, not assumed).
    by_text: HashMap<(&'a str, Option<usize>), (u32, &'a Expr)>,
    /// The node of each leaf, by the leaf written out in full (and the scope when it reads
    /// a parameter), so that a test written in many conditions ("victim.age < 18", inside
    /// 50 of them) is one node.
    leaf_nodes: HashMap<(String, Option<usize>), u32>,
    /// The node of each operation, by its kind and operands.
    operation_nodes: HashMap<(OperationKind, u32, u32), u32>,
    /// By node: the positions in the vocabulary of the facts it depends on, and whether it
    /// depends on a leaf of [`Graph::always`].
    depends_on: Vec<(Vec<usize>, bool)>,
}

/// Where each layer's part of `leaves` (one fact's, in increasing order) will start once
/// they are appended at `start`: layer k at `bounds[k]`, the end at `bounds[LAYERS]`.
fn layer_bounds(leaves: &[u32], layer_leaves: &[u32; LAYERS], start: usize) -> [u32; LAYERS + 1] {
    let start = start as u32;
    // Layer k starts at its first leaf (the first layer at the start).
    let mut bounds = [start; LAYERS + 1];
    for (bound, &first) in bounds.iter_mut().zip(layer_leaves).skip(1) {
        *bound = start + leaves.partition_point(|&l| l < first) as u32;
    }
    bounds[LAYERS] = start + leaves.len() as u32;
    bounds
}

/// What a conjunction and a disjunction of no operand are.
static ALWAYS: Expr = Expr::Const(true);
static NEVER: Expr = Expr::Const(false);

/// Whether a condition reads a parameter, whose value depends on the scope.
fn reads_parameter(e: &Expr) -> bool {
    e.operands()
        .iter()
        .any(|o| matches!(o, Operand::Parameter(_)))
}

impl<'a, 'v> GraphBuilder<'a, 'v> {
    pub(super) fn new(vocab: &'v Vocabulary, enums: &'v [Enumeration<'a>]) -> Self {
        let n = vocab.facts.len();
        Self {
            graph: Graph::default(),
            vocab,
            enums,
            blank_facts: Facts::blank(n),
            blank_case: Case::new(),
            by_fact: vec![Vec::new(); n],
            bits_by_fact: vec![Vec::new(); n],
            numbers_by_fact: vec![Vec::new(); n],
            truthy_by_fact: vec![Vec::new(); n],
            by_text: HashMap::new(),
            leaf_nodes: HashMap::new(),
            operation_nodes: HashMap::new(),
            depends_on: Vec::new(),
        }
    }

    /// The node of a whole condition that tests no provision's status, written `text`.
    pub(super) fn site(&mut self, text: &'a str, when: &'a Expr, scope: &Scope<'a>) -> u32 {
        let key = (text, reads_parameter(when).then_some(scope.index));
        match self.by_text.get(&key) {
            Some(&(node, first)) if !text.is_empty() && first == when => node,
            _ => {
                let node = self.node(when, scope);
                self.by_text.entry(key).or_insert((node, when));
                node
            }
        }
    }

    /// A condition that tests a provision's status: compiled with its parts that test none
    /// as nodes.
    pub(super) fn mixed(&mut self, e: &'a Expr, scope: &Scope<'a>) -> Cond<'a> {
        if e.provisions().is_empty() {
            return Cond::Node(self.node(e, scope));
        }
        let literals = |es: &[Expr]| -> Option<Vec<StatusLiteral>> {
            es.iter()
                .map(|e| StatusLiteral::of(e, &scope.provisions))
                .collect()
        };
        let flat = match e {
            Expr::And(es) => literals(es).map(Cond::AllStatuses),
            Expr::Or(es) => literals(es).map(Cond::AnyStatus),
            _ => None,
        };
        if let Some(flat) = flat {
            return flat;
        }
        match e {
            Expr::Status(test, id) => {
                Cond::Status(*test, scope.provisions.get(id.as_str()).copied())
            }
            Expr::Not(inner) => Cond::Not(Box::new(self.mixed(inner, scope))),
            Expr::And(es) => Cond::And(es.iter().map(|e| self.mixed(e, scope)).collect()),
            Expr::Or(es) => Cond::Or(es.iter().map(|e| self.mixed(e, scope)).collect()),
            // A test of facts or parameters (it names no provision, so it is a node above
            // and never reaches this point): compiled as written.
            _ => Cond::compile(e, self.vocab, self.enums, scope),
        }
    }

    /// The new node of `e`, which tests no provision's status.
    fn node(&mut self, e: &'a Expr, scope: &Scope<'a>) -> u32 {
        let (kind, operands) = match e {
            Expr::Not(inner) => (OperationKind::Not, std::slice::from_ref(&**inner)),
            Expr::And(es) => (OperationKind::And, es.as_slice()),
            Expr::Or(es) => (OperationKind::Or, es.as_slice()),
            _ => return self.leaf(e, scope),
        };
        let operands: Vec<u32> = operands.iter().map(|e| self.node(e, scope)).collect();
        match (kind, operands.as_slice()) {
            (OperationKind::Not, &[a]) => self.operation(kind, a, a),
            // A conjunction or disjunction of one operand is that operand; of none, true
            // or false, as `condition::all` and `condition::any` give for none.
            (_, &[a]) => a,
            (OperationKind::And, []) => self.leaf(&ALWAYS, scope),
            (_, []) => self.leaf(&NEVER, scope),
            (_, &[first, ref rest @ ..]) => rest
                .iter()
                .fold(first, |acc, &b| self.operation(kind, acc, b)),
        }
    }

    /// The node of the operation `kind` on the nodes `a` and `b`: made once.
    fn operation(&mut self, kind: OperationKind, a: u32, b: u32) -> u32 {
        let key = (kind, a, b);
        if let Some(&node) = self.operation_nodes.get(&key) {
            return node;
        }
        let mut facts: Vec<usize> = Vec::new();
        let mut always = false;
        for c in [a, b] {
            facts.extend(&self.depends_on[c as usize].0);
            always |= self.depends_on[c as usize].1;
        }
        facts.sort_unstable();
        facts.dedup();
        self.depends_on.push((facts, always));
        let g = &mut self.graph;
        let op = Operation {
            node: g.blank.len() as u32,
            kind,
            a,
            b,
        };
        g.blank.push(op.apply(&g.blank));
        g.operations.push(op);
        self.operation_nodes.insert(key, op.node);
        op.node
    }

    fn leaf(&mut self, e: &'a Expr, scope: &Scope<'a>) -> u32 {
        let key = (format!("{e:?}"), reads_parameter(e).then_some(scope.index));
        if let Some(&node) = self.leaf_nodes.get(&key) {
            return node;
        }
        let node = self.new_leaf(e, scope);
        self.leaf_nodes.insert(key, node);
        node
    }

    fn new_leaf(&mut self, e: &'a Expr, scope: &Scope<'a>) -> u32 {
        let test = Cond::compile(e, self.vocab, self.enums, scope);
        let node = self.graph.blank.len() as u32;
        let blank = Env {
            facts: &self.blank_facts,
            case: &self.blank_case,
            statuses: &[],
            nodes: &[],
        };
        self.graph.blank.push(test.eval(&blank));
        let leaf = self.graph.leaves.len() as u32;
        self.graph.leaves.push((node, test));
        let facts = e.operands().into_iter().filter_map(|o| match o {
            Operand::Fact(key) => Some(self.vocab.slot(key)),
            Operand::Parameter(_) => None,
        });
        let facts: Vec<Option<usize>> = facts.collect();
        let always = facts.contains(&None);
        // A test of one fact of one of the three kinds kept apart: where it goes.
        let apart = match self.graph.leaves[leaf as usize].1 {
            Cond::Bits { slot, .. } if facts == [Some(slot)] => {
                Some((&mut self.bits_by_fact, slot))
            }
            Cond::CompareNumber { slot, .. } if facts == [Some(slot)] => {
                Some((&mut self.numbers_by_fact, slot))
            }
            Cond::Truthy(Read::Fact(slot)) if facts == [Some(slot)] => {
                Some((&mut self.truthy_by_fact, slot))
            }
            _ => None,
        };
        if always {
            self.graph.always.push(leaf);
        } else if let Some((by_fact, slot)) = apart {
            by_fact[slot].push(leaf);
        } else {
            for slot in facts.iter().flatten() {
                self.by_fact[*slot].push(leaf);
            }
        }
        self.depends_on
            .push((facts.into_iter().flatten().collect(), always));
        node
    }

    /// What is built from now on is the next layer (the first is started from the
    /// beginning).
    pub(super) fn start_layer(&mut self) {
        let g = &mut self.graph;
        g.started = g.started.max(1);
        assert!(g.started < LAYERS, "{LAYERS} layers at most");
        g.layer_leaves[g.started] = g.leaves.len() as u32;
        g.layer_operations[g.started] = g.operations.len();
        g.layer_nodes[g.started] = g.blank.len();
        g.started += 1;
    }

    pub(super) fn finish(mut self) -> Graph<'a> {
        let g = &mut self.graph;
        // The layers not started are empty.
        for k in g.started.max(1)..LAYERS {
            g.layer_leaves[k] = g.leaves.len() as u32;
            g.layer_operations[k] = g.operations.len();
            g.layer_nodes[k] = g.blank.len();
        }
        g.fact_leaves = ByFact::of_leaves(&self.by_fact, &g.layer_leaves, |leaf| leaf);
        let leaves = &g.leaves;
        g.bit_leaves = ByFact::of_leaves(&self.bits_by_fact, &g.layer_leaves, |leaf| {
            let (node, Cond::Bits { mask, .. }) = &leaves[leaf as usize] else {
                unreachable!("only tests of bits are put with them")
            };
            BitLeaf {
                node: *node,
                mask: *mask,
                leaf,
            }
        });
        g.number_leaves = ByFact::of_leaves(&self.numbers_by_fact, &g.layer_leaves, |leaf| {
            let (node, Cond::CompareNumber { op, number, .. }) = &leaves[leaf as usize] else {
                unreachable!("only comparisons with a number are put with them")
            };
            NumberLeaf {
                node: *node,
                op: *op,
                number: *number,
                leaf,
            }
        });
        g.truthy_leaves = ByFact::of_leaves(&self.truthy_by_fact, &g.layer_leaves, |leaf| {
            leaves[leaf as usize].0
        });
        g.words = g.operations.len().div_ceil(64);
        for k in 0..LAYERS {
            let (leaves, operations) = match k + 1 {
                LAYERS => (g.leaves.len() as u32, g.operations.len()),
                next => (g.layer_leaves[next], g.layer_operations[next]),
            };
            let last = match operations % 64 {
                0 => !0,
                n => (1u64 << n) - 1,
            };
            let always = g.always.partition_point(|&l| l < leaves);
            g.upto[k] = (always, operations.div_ceil(64), last);
        }
        g.operations_by_fact = vec![0; self.by_fact.len() * g.words];
        g.always_operations = vec![0; g.words];
        for (k, op) in g.operations.iter().enumerate() {
            let (facts, always) = &self.depends_on[op.node as usize];
            let bit = 1u64 << (k % 64);
            for slot in facts {
                g.operations_by_fact[slot * g.words + k / 64] |= bit;
            }
            if *always {
                g.always_operations[k / 64] |= bit;
            }
        }
        self.graph
    }
}
