//! The native GPU net of the lavapipe tests (`net_gpu.rs`, `net_gpu_train.rs`):
//! no adapter is a failure, unless `TRIPLETLAB_SKIP_GPU_TESTS=1` is set.

use pollster::block_on;
use tripletlab::net::gpu::{GpuNet, GpuOptions};
use tripletlab::net::Weights;

/// A GpuNet on the machine's adapter, `None` when the tests are skipped.
pub fn gpu(weights: &Weights, options: GpuOptions) -> Option<GpuNet> {
    if std::env::var("TRIPLETLAB_SKIP_GPU_TESTS").is_ok_and(|v| v == "1") {
        eprintln!("TRIPLETLAB_SKIP_GPU_TESTS=1: GPU test skipped");
        return None;
    }
    match block_on(GpuNet::new(weights, options)) {
        Ok(net) => Some(net),
        Err(e) => panic!(
            "no usable GPU adapter: {e}. Install Mesa's software Vulkan driver \
             (apt-get install mesa-vulkan-drivers, which provides lavapipe) or set \
             TRIPLETLAB_SKIP_GPU_TESTS=1 to skip the GPU tests"
        ),
    }
}
