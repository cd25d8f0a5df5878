//! A minimal one-shot channel (`Arc<Mutex<…>>` + `Waker`), enough to turn
//! wgpu's callbacks (`map_async`, the device-lost callback) into futures that
//! resolve natively (after `device.poll`) and in the browser (from the event
//! loop, when WebGPU's promise settles). No executor, no extra crate.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};

struct Slot<T> {
    value: Option<T>,
    /// The sender was dropped without sending.
    closed: bool,
    waker: Option<Waker>,
}

/// The sending half: [`Sender::send`] once, or drop it to cancel.
pub(crate) struct Sender<T> {
    slot: Arc<Mutex<Slot<T>>>,
}

/// The receiving half: a future of `Some(value)`, or `None` when the sender
/// was dropped without sending (wgpu dropped the callback).
pub(crate) struct Receiver<T> {
    slot: Arc<Mutex<Slot<T>>>,
}

/// A connected sender / receiver pair.
pub(crate) fn channel<T>() -> (Sender<T>, Receiver<T>) {
    let slot = Arc::new(Mutex::new(Slot { value: None, closed: false, waker: None }));
    (Sender { slot: Arc::clone(&slot) }, Receiver { slot })
}

fn lock<T>(slot: &Mutex<Slot<T>>) -> std::sync::MutexGuard<'_, Slot<T>> {
    slot.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<T> Sender<T> {
    /// Delivers `value` and wakes the receiver.
    pub(crate) fn send(self, value: T) {
        let waker = {
            let mut slot = lock(&self.slot);
            slot.value = Some(value);
            slot.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
        // `Drop` runs next and finds the value already delivered.
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        let waker = {
            let mut slot = lock(&self.slot);
            slot.closed = true;
            slot.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl<T> Future for Receiver<T> {
    type Output = Option<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let mut slot = lock(&self.slot);
        if let Some(value) = slot.value.take() {
            Poll::Ready(Some(value))
        } else if slot.closed {
            Poll::Ready(None)
        } else {
            slot.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivers_and_cancels() {
        let (tx, rx) = channel();
        tx.send(7);
        assert_eq!(pollster::block_on(rx), Some(7));
        let (tx, rx) = channel::<u8>();
        drop(tx);
        assert_eq!(pollster::block_on(rx), None);
    }

    #[test]
    fn wakes_a_waiting_receiver() {
        let (tx, rx) = channel();
        let handle = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            tx.send("done");
        });
        assert_eq!(pollster::block_on(rx), Some("done"));
        handle.join().unwrap();
    }
}
