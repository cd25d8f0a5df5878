//! Every image's embedding under a run's weights, for the spheres: at once
//! ([`TrainingSession::embeddings`]) or a chunk at a time
//! ([`TrainingSession::advance_embeddings`]), so a frame never waits for a
//! forward pass of all images.

use super::{EmbedJob, TrainingSession};
use crate::net::arch::{EMBED_DIM, INPUT_LEN};
use crate::net::forward::forward_batch;

impl TrainingSession {
    /// Every image's embedding (n × 3, image order) under run `run`'s
    /// current weights: one forward pass of all images, cached until the
    /// next step.
    ///
    /// # Panics
    /// When `run >= self.run_count()`.
    pub fn embeddings(&mut self, run: usize) -> &[f32] {
        let data = &self.data;
        let r = &mut self.runs[run];
        let step = r.trainer.step_count();
        if r.embeddings.as_ref().is_none_or(|(at, _)| *at != step) {
            r.embeddings = Some((step, forward_batch(r.trainer.weights(), &data.all_inputs)));
            r.job = None;
        }
        r.embeddings.as_ref().map_or(&[], |(_, e)| e.as_slice())
    }

    /// The last complete table of every image's embedding of run `run` and
    /// the step it belongs to (see [`TrainingSession::advance_embeddings`]).
    ///
    /// # Panics
    /// When `run >= self.run_count()`.
    pub fn latest_embeddings(&self, run: usize) -> Option<(u64, &[f32])> {
        self.runs[run].embeddings.as_ref().map(|(step, e)| (*step, e.as_slice()))
    }

    /// Whether run `run`'s latest table is older than the current step.
    ///
    /// # Panics
    /// When `run >= self.run_count()`.
    pub fn embeddings_stale(&self, run: usize) -> bool {
        let r = &self.runs[run];
        r.embeddings.as_ref().is_none_or(|(at, _)| *at != r.trainer.step_count())
    }

    /// Computes up to `images` more embeddings of run `run` (at least one):
    /// continues the table in progress, or starts one for the current
    /// weights when the latest is stale. Returns true when a table was
    /// completed (it is then [`TrainingSession::latest_embeddings`]). The
    /// result is exactly [`forward_batch`] of all images, however it is
    /// split.
    ///
    /// # Panics
    /// When `run >= self.run_count()`.
    pub fn advance_embeddings(&mut self, run: usize, images: usize) -> bool {
        let stale = self.embeddings_stale(run);
        let data = &self.data;
        let r = &mut self.runs[run];
        let step = r.trainer.step_count();
        if r.job.is_none() {
            if !stale {
                return false;
            }
            r.job = Some(EmbedJob { step, weights: r.trainer.weights().clone(), out: Vec::new() });
        }
        let Some(job) = r.job.as_mut() else { return false };
        let done = job.out.len() / EMBED_DIM;
        let end = (done + images.max(1)).min(data.len());
        job.out.extend(forward_batch(&job.weights, &data.all_inputs[done * INPUT_LEN..end * INPUT_LEN]));
        if end < data.len() {
            return false;
        }
        if let Some(job) = r.job.take() {
            r.embeddings = Some((job.step, job.out));
        }
        true
    }
}
