//! Terminal output kept in memory: the frame benchmarks count the bytes each move sends
//! through it, and the scroll tests feed those bytes to a terminal emulator. Clones share
//! one buffer, so the backend can own one while the caller takes what was written.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

/// An in-memory terminal output whose bytes can be taken.
#[derive(Clone, Default)]
pub struct MemorySink(Rc<RefCell<Vec<u8>>>);

impl MemorySink {
    /// The bytes written since the last call.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

impl Write for MemorySink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
