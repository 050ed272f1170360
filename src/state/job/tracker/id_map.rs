//! The tracker's per-job maps.

/// A few entries keyed by job id: a Vec, not a HashMap, which adds 2.4 kB brotli to the first
/// visit (see docs/size.md).
#[derive(Debug, Clone, PartialEq)]
pub struct IdMap<V>(Vec<(String, V)>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<V> IdMap<V> {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn get(&self, id: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }
    pub fn insert(&mut self, id: String, v: V) {
        match self.0.iter_mut().find(|(k, _)| *k == id) {
            Some(slot) => slot.1 = v,
            None => self.0.push((id, v)),
        }
    }
    pub fn remove(&mut self, id: &str) {
        self.0.retain(|(k, _)| k != id);
    }
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut V)> {
        self.0.iter_mut().map(|(k, v)| (k.as_str(), v))
    }
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }
    pub fn entry_or_default(&mut self, id: String) -> &mut V
    where
        V: Default,
    {
        if !self.contains_key(&id) {
            self.0.push((id.clone(), V::default()));
        }
        let i = self.0.iter().position(|(k, _)| *k == id).unwrap_or(0);
        &mut self.0[i].1
    }
}
