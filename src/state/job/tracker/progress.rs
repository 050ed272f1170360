//! How far an upload has got, for its bar, speed and time left.

/// Upload progress of one file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub loaded: f64,
    pub total: f64,
    pub started_ms: f64,
    pub now_ms: f64,
}

impl Progress {
    pub fn fraction(&self) -> f64 {
        if self.total > 0.0 {
            (self.loaded / self.total).max(0.0).min(1.0)
        } else {
            0.0
        }
    }
    /// Bytes per second so far.
    pub fn speed(&self) -> f64 {
        let secs = (self.now_ms - self.started_ms) / 1000.0;
        if secs > 0.2 {
            self.loaded / secs
        } else {
            0.0
        }
    }
}
