//! Reading the embeddings back: one `map_async` on the staging buffer,
//! turned into a future by a [`super::oneshot`] channel. Natively the future
//! is resolved by `device.poll(wait)`; in the browser by the event loop when
//! WebGPU's `mapAsync` promise settles (`device.poll` is a no-op there).

use super::oneshot;

/// A pending map of the first `bytes` of a staging buffer.
pub(crate) struct PendingMap {
    buffer: wgpu::Buffer,
    bytes: u64,
    done: oneshot::Receiver<Result<(), wgpu::BufferAsyncError>>,
}

/// Starts mapping `buffer[..bytes]` for reading. Call after the submission
/// that fills it; then drive the device (natively) and [`PendingMap::finish`].
pub(crate) fn start(buffer: &wgpu::Buffer, bytes: u64) -> PendingMap {
    let (tx, rx) = oneshot::channel();
    buffer.map_async(wgpu::MapMode::Read, ..bytes, move |result| tx.send(result));
    PendingMap { buffer: buffer.clone(), bytes, done: rx }
}

impl PendingMap {
    /// Waits for the map, copies the values out as f32 and unmaps.
    pub(crate) async fn finish(self) -> Result<Vec<f32>, String> {
        match self.done.await {
            None => return Err("the map callback was dropped without being called".into()),
            Some(Err(e)) => return Err(format!("mapping the staging buffer failed ({e})")),
            Some(Ok(())) => {}
        }
        let values = {
            let view = self
                .buffer
                .get_mapped_range(..self.bytes)
                .map_err(|e| format!("the mapped range is not readable ({e})"))?;
            // The view may be a copy with no f32 alignment (WebGPU): decode bytes.
            view.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()
        };
        self.buffer.unmap();
        Ok(values)
    }
}
