//! One sort routine for every order the page computes (bars ranked, table rows sorted, a trend's
//! readout, the not-reported sentences): each is an order of positions `0..n` by a comparison
//! given as `&dyn Fn`. The standard library's sort is generic, so each comparison closure would
//! be its own copy of it in the page's wasm (some 2.5 KB each); through one `dyn` comparison
//! there is one copy. Unstable: give a comparison that ends in the positions themselves
//! (`.then(a.cmp(&b))`) where ties must keep their order.
//!
//! [`Lookup`] finds items by key the same way, in place of a hash table per key type (each
//! `HashMap<K, V>` is its own copy of the table's code in the page).

use std::cmp::Ordering;

/// The positions `0..n` ordered by `cmp`.
pub fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b));
    order
}

/// `items` in ascending order, through [`positions`] (no copy of the sort for each item type).
pub fn ascending<T: Ord>(items: Vec<T>) -> Vec<T> {
    sorted_by(items, &|a, b| a.cmp(b))
}

/// `items` ordered by `cmp`, equal items in their first order (stable), through [`positions`].
pub fn sorted_by<T>(items: Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = positions(items.len(), &|a, b| cmp(&items[a], &items[b]).then(a.cmp(&b)));
    let mut items: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| items[i].take()).collect()
}

/// Items found by key: their positions sorted once by key, then searched by halving.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lookup {
    order: Vec<usize>,
}

impl Lookup {
    /// The positions `0..n` ordered by key (`cmp` compares the keys of two positions).
    pub fn new(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Lookup {
        Lookup { order: positions(n, &|a, b| cmp(a, b).then(a.cmp(&b))) }
    }

    /// The first position whose key is the one wanted: `probe(i)` compares position `i`'s key
    /// with it (`Less` when position `i`'s key comes before the wanted key).
    pub fn find(&self, probe: &dyn Fn(usize) -> Ordering) -> Option<usize> {
        let at = self.order.partition_point(|&i| probe(i) == Ordering::Less);
        self.order.get(at).copied().filter(|&i| probe(i) == Ordering::Equal)
    }

    /// Each position whose key an earlier position has already, with that earlier (first) position.
    pub fn repeats(&self, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<(usize, usize)> {
        let mut repeats = Vec::new();
        let mut first = None;
        for pair in self.order.windows(2) {
            if cmp(pair[0], pair[1]) == Ordering::Equal {
                let f = *first.get_or_insert(pair[0]);
                repeats.push((pair[1], f));
            } else {
                first = None;
            }
        }
        repeats
    }
}

#[cfg(test)]
mod tests {
    use super::{ascending, positions, sorted_by, Lookup};

    #[test]
    fn finds_the_first_position_of_a_key_and_says_which_repeat() {
        let keys = ["b", "a", "c", "a", "b", "a"];
        let lookup = Lookup::new(keys.len(), &|a, b| keys[a].cmp(keys[b]));
        assert_eq!(lookup.find(&|i| keys[i].cmp("a")), Some(1));
        assert_eq!(lookup.find(&|i| keys[i].cmp("b")), Some(0));
        assert_eq!(lookup.find(&|i| keys[i].cmp("c")), Some(2));
        assert_eq!(lookup.find(&|i| keys[i].cmp("d")), None);
        assert_eq!(lookup.find(&|i| keys[i].cmp("0")), None);
        assert_eq!(lookup.repeats(&|a, b| keys[a].cmp(keys[b])), [(3, 1), (5, 1), (4, 0)]);
        let empty = Lookup::new(0, &|a, b| a.cmp(&b));
        assert_eq!(empty.find(&|_| std::cmp::Ordering::Equal), None);
        assert!(empty.repeats(&|a, b| a.cmp(&b)).is_empty());
    }

    #[test]
    fn sorts_items_ascending() {
        assert_eq!(ascending(vec!["2019/20", "2014/15", "2023/24"]), ["2014/15", "2019/20", "2023/24"]);
        assert_eq!(ascending(vec![3, 1, 2, 1]), [1, 1, 2, 3]);
        assert!(ascending(Vec::<u8>::new()).is_empty());
    }

    #[test]
    fn sorts_by_a_comparison_keeping_equal_items_in_order() {
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        assert_eq!(sorted_by(items.clone(), &|x, y| x.0.cmp(&y.0)), [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        assert_eq!(sorted_by(items, &|x, y| y.0.cmp(&x.0)), [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'd'), (0, 'e')]);
    }

    #[test]
    fn orders_positions_by_the_comparison_and_ties_by_position() {
        let values = [3, 1, 2, 1];
        assert_eq!(positions(4, &|a, b| values[a].cmp(&values[b]).then(a.cmp(&b))), [1, 3, 2, 0]);
        assert_eq!(positions(4, &|a, b| values[b].cmp(&values[a]).then(a.cmp(&b))), [0, 2, 1, 3]);
        assert!(positions(0, &|a, b| a.cmp(&b)).is_empty());
    }
}
