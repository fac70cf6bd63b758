//! The order in which provisions are evaluated, and the provisions a provision names.

use super::*;

impl Compiler<'_> {
    /// Checks references between provisions and orders them so that each is evaluated
    /// after those its conditions name; a cycle is an error.
    pub(super) fn order(
        &mut self,
        raws: &[ProvisionRaw],
        provisions: &[Provision],
        ids: &HashMap<String, Range<usize>>,
    ) -> Vec<usize> {
        let index: HashMap<&str, usize> = provisions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let mut deps: Vec<Vec<usize>> = vec![Vec::new(); provisions.len()];
        // A provision is evaluated after those it gives way to.
        for raw in raws {
            let Some(&i) = index.get(raw.id.get_ref().as_str()) else {
                continue;
            };
            let lists = std::iter::once(&raw.subsidiary_to)
                .chain(raw.version.iter().filter_map(|v| v.subsidiary_to.as_ref()));
            for r in lists.flatten() {
                match index.get(r.get_ref().as_str()) {
                    Some(&j) if j == i => self.err(
                        &r.span(),
                        format!(
                            "provision `{}` cannot give way to itself",
                            quote(&provisions[i].id)
                        ),
                    ),
                    Some(&j) => {
                        if !deps[i].contains(&j) {
                            deps[i].push(j)
                        }
                    }
                    None => self.err_help(
                        &r.span(),
                        format!(
                            "provision `{}` gives way to `{}`, which this file does not define",
                            quote(&provisions[i].id),
                            quote(r.get_ref())
                        ),
                        "subsidiary_to = [\"ID\", …]: provisions of the same file",
                    ),
                }
            }
        }
        for (i, p) in provisions.iter().enumerate() {
            let span = ids.get(&p.id).cloned().unwrap_or(0..0);
            for v in &p.versions {
                let exprs = v
                    .elements
                    .iter()
                    .map(|e| &e.when)
                    .chain(v.aggravations.iter().map(|a| &a.when));
                for expr in exprs {
                    for r in expr.provisions() {
                        match index.get(r) {
                            Some(&j) => {
                                if !deps[i].contains(&j) {
                                    deps[i].push(j)
                                }
                            }
                            None => {
                                // Locate the reference in the provision's raw text if possible.
                                let at = raws
                                    .iter()
                                    .find(|r2| r2.id.get_ref() == &p.id)
                                    .map(|_| span.clone())
                                    .unwrap_or(span.clone());
                                self.err_help(&at, format!("provision `{}` refers to `{}`, which this file does not define", quote(&p.id), quote(r)), "applies()/possible()/excluded() of a provision of the same file");
                            }
                        }
                    }
                }
            }
        }
        let mut state = vec![0u8; provisions.len()];
        let mut order = Vec::new();
        /// Depth first with an explicit stack, so that a chain of thousands of provisions
        /// cannot overflow the call stack. Returns a provision found on a cycle.
        fn visit(
            start: usize,
            deps: &[Vec<usize>],
            state: &mut [u8],
            order: &mut Vec<usize>,
        ) -> Option<usize> {
            if state[start] == 2 {
                return None;
            }
            state[start] = 1;
            let mut stack = vec![(start, 0usize)];
            while let Some(top) = stack.last_mut() {
                let i = top.0;
                let next = deps[i].get(top.1).copied();
                top.1 += 1;
                match next {
                    Some(d) => match state[d] {
                        0 => {
                            state[d] = 1;
                            stack.push((d, 0));
                        }
                        1 => return Some(d),
                        _ => {}
                    },
                    None => {
                        state[i] = 2;
                        order.push(i);
                        stack.pop();
                    }
                }
            }
            None
        }
        for i in 0..provisions.len() {
            if let Some(c) = visit(i, &deps, &mut state, &mut order) {
                let span = ids.get(&provisions[c].id).cloned().unwrap_or(0..0);
                self.err(
                    &span,
                    format!(
                        "provision `{}` depends on itself through applies()/possible()/excluded() or subsidiary_to",
                        quote(&provisions[c].id)
                    ),
                );
                return (0..provisions.len()).collect();
            }
        }
        order
    }

    pub(super) fn provision_refs(
        &mut self,
        refs: &[Spanned<String>],
        ids: &HashMap<String, Range<usize>>,
    ) -> Vec<String> {
        for r in refs {
            if !ids.contains_key(r.get_ref()) {
                self.err_help(
                    &r.span(),
                    format!("`{}` is not a provision of this file", quote(r.get_ref())),
                    "the id of a [[provision]] of the same file",
                );
            }
        }
        refs.iter().map(|r| r.get_ref().clone()).collect()
    }
}
