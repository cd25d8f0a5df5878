//! The embedding net's architecture: shapes, tensor layouts and parameter
//! order, shared by the CPU path, the WGSL path, the weight file and the
//! trainer. Nothing here computes; it only fixes the contract.
//!
//! ```text
//! input   3 × 24 × 24   RGB in [0, 1], channel-major (CHW), from a 48×48
//!                       thumbnail averaged over 2×2 blocks
//! conv1   3 → 8,  3×3, stride 1, zero padding 1, + bias, ReLU → 8 × 24 × 24
//! pool1   max 2×2, stride 2                                  → 8 × 12 × 12
//! conv2   8 → 16, 3×3, stride 1, zero padding 1, + bias, ReLU → 16 × 12 × 12
//! pool2   max 2×2, stride 2                                  → 16 × 6 × 6 = 576
//! fc1     576 → 32, + bias, ReLU     (input flattened in CHW order)
//! fc2     32 → 3, + bias
//! l2norm  y / max(‖y‖, NORM_EPS)     → a point on the unit sphere
//! ```
//!
//! Layouts (all row-major, f32):
//! * activations: `[channel][row][col]`, one image after another;
//! * conv weights: `[out][in][ky][kx]`, `ky, kx ∈ 0..3`, tap (ky, kx) reads
//!   input pixel (row + ky − 1, col + kx − 1), zero outside the image;
//! * dense weights: `[out][in]`;
//! * max pooling picks the first maximum in row-major order within the 2×2
//!   window (this decides where the backward pass sends the gradient).

/// Colour channels of the net input.
pub const IN_CHANNELS: usize = 3;
/// Side of the (square) net input in pixels.
pub const IN_SIDE: usize = 24;
/// Values in one net input (3 × 24 × 24).
pub const INPUT_LEN: usize = IN_CHANNELS * IN_SIDE * IN_SIDE;
/// Output channels of the first convolution.
pub const CONV1_OUT: usize = 8;
/// Output channels of the second convolution.
pub const CONV2_OUT: usize = 16;
/// Side of every convolution kernel.
pub const KERNEL: usize = 3;
/// Side after the first pooling (24 / 2).
pub const POOL1_SIDE: usize = IN_SIDE / 2;
/// Side after the second pooling (12 / 2).
pub const POOL2_SIDE: usize = POOL1_SIDE / 2;
/// Length of the flattened second pooling output (16 × 6 × 6).
pub const FLAT_LEN: usize = CONV2_OUT * POOL2_SIDE * POOL2_SIDE;
/// Width of the hidden dense layer.
pub const HIDDEN: usize = 32;
/// Embedding dimension (points on the unit sphere, shown in the 3D view).
pub const EMBED_DIM: usize = 3;
/// Lower bound on the norm in the final L2 normalisation.
pub const NORM_EPS: f32 = 1e-12;

/// One parameter tensor: its name in the weight file and its shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TensorSpec {
    /// Name stored in the weight file header.
    pub name: &'static str,
    /// Shape, outermost dimension first.
    pub shape: &'static [usize],
}

impl TensorSpec {
    /// Number of f32 values in the tensor.
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }

    /// True when the tensor holds no value (never for the specs below).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Every parameter tensor in file and [`crate::net::Weights`] order.
pub const TENSORS: [TensorSpec; 8] = [
    TensorSpec { name: "conv1.weight", shape: &[CONV1_OUT, IN_CHANNELS, KERNEL, KERNEL] },
    TensorSpec { name: "conv1.bias", shape: &[CONV1_OUT] },
    TensorSpec { name: "conv2.weight", shape: &[CONV2_OUT, CONV1_OUT, KERNEL, KERNEL] },
    TensorSpec { name: "conv2.bias", shape: &[CONV2_OUT] },
    TensorSpec { name: "fc1.weight", shape: &[HIDDEN, FLAT_LEN] },
    TensorSpec { name: "fc1.bias", shape: &[HIDDEN] },
    TensorSpec { name: "fc2.weight", shape: &[EMBED_DIM, HIDDEN] },
    TensorSpec { name: "fc2.bias", shape: &[EMBED_DIM] },
];

/// Total number of parameters.
pub fn parameter_count() -> usize {
    TENSORS.iter().map(TensorSpec::len).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_chain() {
        assert_eq!(INPUT_LEN, 1728);
        assert_eq!(FLAT_LEN, 576);
        // 216 + 8 + 1152 + 16 + 18432 + 32 + 96 + 3
        assert_eq!(parameter_count(), 19955);
    }
}
