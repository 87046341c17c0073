//! One sort routine for every order the page computes (bars ranked, table rows sorted, a trend's
//! readout, the not-reported sentences): each is an order of positions `0..n` by a comparison
//! given as `&dyn Fn`. The standard library's sort is generic, so each comparison closure would
//! be its own copy of it in the page's wasm (some 2.5 KB each); through one `dyn` comparison
//! there is one copy. Unstable: give a comparison that ends in the positions themselves
//! (`.then(a.cmp(&b))`) where ties must keep their order.

use std::cmp::Ordering;

/// The positions `0..n` ordered by `cmp`.
pub fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b));
    order
}

/// `items` in ascending order, through [`positions`] (no copy of the sort for each item type).
pub fn ascending<T: Ord>(items: Vec<T>) -> Vec<T> {
    let order = positions(items.len(), &|a, b| items[a].cmp(&items[b]));
    let mut items: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| items[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::{ascending, positions};

    #[test]
    fn sorts_items_ascending() {
        assert_eq!(ascending(vec!["2019/20", "2014/15", "2023/24"]), ["2014/15", "2019/20", "2023/24"]);
        assert_eq!(ascending(vec![3, 1, 2, 1]), [1, 1, 2, 3]);
        assert!(ascending(Vec::<u8>::new()).is_empty());
    }

    #[test]
    fn orders_positions_by_the_comparison_and_ties_by_position() {
        let values = [3, 1, 2, 1];
        assert_eq!(positions(4, &|a, b| values[a].cmp(&values[b]).then(a.cmp(&b))), [1, 3, 2, 0]);
        assert_eq!(positions(4, &|a, b| values[b].cmp(&values[a]).then(a.cmp(&b))), [0, 2, 1, 3]);
        assert!(positions(0, &|a, b| a.cmp(&b)).is_empty());
    }
}
