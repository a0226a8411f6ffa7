//! The papers one candidate segment names, as the layout's fit counts them.
//!
//! A segment names one paper, or two before the count stops (see `layout::fit`), so a
//! set of its keys is a short list: searched in place, it costs less than hashing each
//! key into a table allocated for every segment of every unit tried.

/// A set of paper keys, kept in a list.
#[derive(Debug, Default)]
pub struct KeySet<'a> {
    keys: Vec<&'a str>,
}

impl<'a> KeySet<'a> {
    pub fn new() -> Self {
        KeySet { keys: Vec::new() }
    }

    /// Adds `key`; whether it was not there.
    pub fn insert(&mut self, key: &'a str) -> bool {
        if self.contains(key) {
            return false;
        }
        self.keys.push(key);
        true
    }

    /// Removes `key`; whether it was there.
    pub fn remove(&mut self, key: &str) -> bool {
        match self.keys.iter().position(|k| *k == key) {
            Some(at) => {
                self.keys.swap_remove(at);
                true
            }
            None => false,
        }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.keys.contains(&key)
    }

    /// Empties the set, keeping its room: one set serves every segment of a unit.
    pub fn clear(&mut self) {
        self.keys.clear();
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every sequence of inserts and removes leaves the set a hash set would hold.
    #[test]
    fn behaves_as_a_set() {
        let ops: [(bool, &str); 10] = [
            (true, "a"),
            (true, "b"),
            (true, "a"),
            (false, "c"),
            (false, "a"),
            (true, "c"),
            (false, "a"),
            (true, "a"),
            (false, "b"),
            (true, "b"),
        ];
        let (mut ours, mut reference) = (KeySet::new(), HashSet::new());
        assert!(ours.is_empty());
        for (insert, key) in ops {
            if insert {
                assert_eq!(ours.insert(key), reference.insert(key), "{key}");
            } else {
                assert_eq!(ours.remove(key), reference.remove(key), "{key}");
            }
            assert_eq!(ours.len(), reference.len());
            for k in ["a", "b", "c", "d"] {
                assert_eq!(ours.contains(k), reference.contains(k), "{k}");
            }
        }
        assert!(!ours.is_empty());
    }
}
