//! A stable sort by hand, for the first visit's module: the standard library's (driftsort) is
//! several kB there for each type it sorts, and the lists sorted on the first screen are short (a
//! model's options, about 120 models) and mostly in order already.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal items in their order (an insertion sort).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}
