//! The ten compute stages of the backward pass, their WGSL (beside this
//! file), bind-group layouts and pipelines.
//!
//! Like the forward pass, every shader computes one output value per
//! invocation, with the layer sizes as `override` constants and the batch
//! size as the only runtime parameter. Weight-gradient stages sum over the
//! batch inside one invocation (one per parameter), so no atomics are used
//! and nothing has to be zeroed between steps.

use super::device::catch_errors;
use super::pipeline::{with_common, SLOT_LEN};
use super::GpuError;
use crate::net::arch::{CONV1_OUT, CONV2_OUT, EMBED_DIM, FLAT_LEN, HIDDEN, IN_CHANNELS, IN_SIDE, NORM_EPS, POOL1_SIDE};

const L2NORM_GRAD_WGSL: &str = with_common!("l2norm_grad.wgsl");
const DENSE_GRAD_WEIGHTS_WGSL: &str = with_common!("dense_grad_weights.wgsl");
const DENSE_GRAD_INPUT_WGSL: &str = with_common!("dense_grad_input.wgsl");
const POOL_GRAD_WGSL: &str = with_common!("pool_grad.wgsl");
const CONV_GRAD_WEIGHTS_WGSL: &str = with_common!("conv_grad_weights.wgsl");
const CONV_GRAD_INPUT_WGSL: &str = with_common!("conv_grad_input.wgsl");

/// Values per image of each gradient slot: 0 the embeddings' gradient (from
/// the CPU loss), 1 fc2's raw output, 2 fc1's output, 3 pool2's output,
/// 4 conv2's output, 5 pool1's output, 6 conv1's output.
pub(crate) const GRAD_LEN: [usize; 7] = [
    EMBED_DIM,
    EMBED_DIM,
    HIDDEN,
    FLAT_LEN,
    CONV2_OUT * POOL1_SIDE * POOL1_SIDE,
    CONV1_OUT * POOL1_SIDE * POOL1_SIDE,
    CONV1_OUT * IN_SIDE * IN_SIDE,
];

/// A buffer a backward stage binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Buf {
    /// Forward activation slot (see [`SLOT_LEN`]).
    Act(usize),
    /// Gradient slot (see [`GRAD_LEN`]).
    Grad(usize),
    /// Parameter tensor, in [`crate::net::arch::TENSORS`] order.
    Weight(usize),
    /// Gradient of a parameter tensor.
    WeightGrad(usize),
}

/// Which of the six shaders a stage runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shader {
    L2NormGrad,
    DenseGradWeights,
    DenseGradInput,
    PoolGrad,
    ConvGradWeights,
    ConvGradInput,
}

/// How many invocations a stage needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Size {
    /// This many per image.
    PerImage(usize),
    /// This many in all (one per parameter).
    Fixed(usize),
}

/// One stage of the backward pass.
pub(crate) struct GradStage {
    /// Debug label.
    pub(crate) label: &'static str,
    shader: Shader,
    constants: &'static [(&'static str, f64)],
    /// Read-only bindings 1 ..= len, in order.
    pub(crate) reads: &'static [Buf],
    /// Read-write bindings after them.
    pub(crate) writes: &'static [Buf],
    /// Invocations.
    pub(crate) size: Size,
}

const fn params_of(out: usize, inp: usize) -> usize {
    out * inp + out
}

/// The stages in execution order, from the embeddings' gradient to conv1.
pub(crate) const GRAD_STAGES: [GradStage; 10] = [
    GradStage {
        label: "l2norm backward",
        shader: Shader::L2NormGrad,
        constants: &[("DIM", EMBED_DIM as f64), ("NORM_EPS", NORM_EPS as f64)],
        reads: &[Buf::Act(6), Buf::Grad(0)],
        writes: &[Buf::Grad(1)],
        size: Size::PerImage(EMBED_DIM),
    },
    GradStage {
        label: "fc2 weight gradient",
        shader: Shader::DenseGradWeights,
        constants: &[("IN_LEN", HIDDEN as f64), ("OUT_LEN", EMBED_DIM as f64)],
        reads: &[Buf::Grad(1), Buf::Act(5)],
        writes: &[Buf::WeightGrad(6), Buf::WeightGrad(7)],
        size: Size::Fixed(params_of(EMBED_DIM, HIDDEN)),
    },
    GradStage {
        label: "fc2 input gradient + relu",
        shader: Shader::DenseGradInput,
        constants: &[("IN_LEN", HIDDEN as f64), ("OUT_LEN", EMBED_DIM as f64), ("MASK", 1.0)],
        reads: &[Buf::Grad(1), Buf::Weight(6), Buf::Act(5)],
        writes: &[Buf::Grad(2)],
        size: Size::PerImage(HIDDEN),
    },
    GradStage {
        label: "fc1 weight gradient",
        shader: Shader::DenseGradWeights,
        constants: &[("IN_LEN", FLAT_LEN as f64), ("OUT_LEN", HIDDEN as f64)],
        reads: &[Buf::Grad(2), Buf::Act(4)],
        writes: &[Buf::WeightGrad(4), Buf::WeightGrad(5)],
        size: Size::Fixed(params_of(HIDDEN, FLAT_LEN)),
    },
    GradStage {
        label: "fc1 input gradient",
        shader: Shader::DenseGradInput,
        constants: &[("IN_LEN", FLAT_LEN as f64), ("OUT_LEN", HIDDEN as f64), ("MASK", 0.0)],
        reads: &[Buf::Grad(2), Buf::Weight(4), Buf::Act(4)],
        writes: &[Buf::Grad(3)],
        size: Size::PerImage(FLAT_LEN),
    },
    GradStage {
        label: "pool2 + relu backward",
        shader: Shader::PoolGrad,
        constants: &[("CH", CONV2_OUT as f64), ("IN_SIDE", POOL1_SIDE as f64)],
        reads: &[Buf::Act(3), Buf::Grad(3)],
        writes: &[Buf::Grad(4)],
        size: Size::PerImage(SLOT_LEN[3]),
    },
    GradStage {
        label: "conv2 weight gradient",
        shader: Shader::ConvGradWeights,
        constants: &[("IN_CH", CONV1_OUT as f64), ("OUT_CH", CONV2_OUT as f64), ("SIDE", POOL1_SIDE as f64)],
        reads: &[Buf::Grad(4), Buf::Act(2)],
        writes: &[Buf::WeightGrad(2), Buf::WeightGrad(3)],
        size: Size::Fixed(CONV2_OUT * CONV1_OUT * 9 + CONV2_OUT),
    },
    GradStage {
        label: "conv2 input gradient",
        shader: Shader::ConvGradInput,
        constants: &[("IN_CH", CONV1_OUT as f64), ("OUT_CH", CONV2_OUT as f64), ("SIDE", POOL1_SIDE as f64)],
        reads: &[Buf::Grad(4), Buf::Weight(2)],
        writes: &[Buf::Grad(5)],
        size: Size::PerImage(SLOT_LEN[2]),
    },
    GradStage {
        label: "pool1 + relu backward",
        shader: Shader::PoolGrad,
        constants: &[("CH", CONV1_OUT as f64), ("IN_SIDE", IN_SIDE as f64)],
        reads: &[Buf::Act(1), Buf::Grad(5)],
        writes: &[Buf::Grad(6)],
        size: Size::PerImage(SLOT_LEN[1]),
    },
    GradStage {
        label: "conv1 weight gradient",
        shader: Shader::ConvGradWeights,
        constants: &[("IN_CH", IN_CHANNELS as f64), ("OUT_CH", CONV1_OUT as f64), ("SIDE", IN_SIDE as f64)],
        reads: &[Buf::Grad(6), Buf::Act(0)],
        writes: &[Buf::WeightGrad(0), Buf::WeightGrad(1)],
        size: Size::Fixed(CONV1_OUT * IN_CHANNELS * 9 + CONV1_OUT),
    },
];

impl GradStage {
    /// Invocations for a batch of `n` images.
    pub(crate) fn invocations(&self, n: usize) -> usize {
        match self.size {
            Size::PerImage(per) => per * n,
            Size::Fixed(all) => all,
        }
    }
}

/// The backward pipelines and one bind-group layout per stage.
pub(crate) struct GradPipelines {
    /// One per entry of [`GRAD_STAGES`].
    pub(crate) stages: Vec<wgpu::ComputePipeline>,
    /// The bind-group layout of each stage.
    pub(crate) layouts: Vec<wgpu::BindGroupLayout>,
}

impl GradPipelines {
    /// Compiles the six shaders and ten pipelines inside error scopes: a
    /// failure is a [`GpuError::ShaderCompile`], never a panic.
    pub(crate) async fn create(device: &wgpu::Device) -> Result<Self, GpuError> {
        let (pipelines, error) = catch_errors(device, || build(device)).await;
        match error {
            Some(message) => Err(GpuError::ShaderCompile { message }),
            None => Ok(pipelines),
        }
    }
}

fn build(device: &wgpu::Device) -> GradPipelines {
    let module = |label: &str, source: &str| {
        device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some(label),
            source: wgpu::ShaderSource::Wgsl(source.into()),
        })
    };
    let modules = [
        (Shader::L2NormGrad, module("l2norm_grad.wgsl", L2NORM_GRAD_WGSL)),
        (Shader::DenseGradWeights, module("dense_grad_weights.wgsl", DENSE_GRAD_WEIGHTS_WGSL)),
        (Shader::DenseGradInput, module("dense_grad_input.wgsl", DENSE_GRAD_INPUT_WGSL)),
        (Shader::PoolGrad, module("pool_grad.wgsl", POOL_GRAD_WGSL)),
        (Shader::ConvGradWeights, module("conv_grad_weights.wgsl", CONV_GRAD_WEIGHTS_WGSL)),
        (Shader::ConvGradInput, module("conv_grad_input.wgsl", CONV_GRAD_INPUT_WGSL)),
    ];
    let mut stages = Vec::with_capacity(GRAD_STAGES.len());
    let mut layouts = Vec::with_capacity(GRAD_STAGES.len());
    for stage in &GRAD_STAGES {
        let bind = layout(device, stage.label, stage.reads.len() as u32, stage.writes.len() as u32);
        let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some(stage.label),
            bind_group_layouts: &[Some(&bind)],
            immediate_size: 0,
        });
        let module = modules.iter().find(|(s, _)| *s == stage.shader).map(|(_, m)| m);
        let Some(module) = module else { unreachable!("every shader has a module") };
        stages.push(device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
            label: Some(stage.label),
            layout: Some(&pipeline_layout),
            module,
            entry_point: Some("main"),
            compilation_options: wgpu::PipelineCompilationOptions {
                constants: stage.constants,
                zero_initialize_workgroup_memory: false,
            },
            cache: None,
        }));
        layouts.push(bind);
    }
    GradPipelines { stages, layouts }
}

/// Binding 0: the batch-size uniform; then `reads` read-only and `writes`
/// read-write storage buffers.
fn layout(device: &wgpu::Device, label: &str, reads: u32, writes: u32) -> wgpu::BindGroupLayout {
    let entry = |binding: u32, ty: wgpu::BufferBindingType| wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::COMPUTE,
        ty: wgpu::BindingType::Buffer { ty, has_dynamic_offset: false, min_binding_size: None },
        count: None,
    };
    let mut entries = vec![entry(0, wgpu::BufferBindingType::Uniform)];
    for binding in 1..=reads {
        entries.push(entry(binding, wgpu::BufferBindingType::Storage { read_only: true }));
    }
    for binding in reads + 1..=reads + writes {
        entries.push(entry(binding, wgpu::BufferBindingType::Storage { read_only: false }));
    }
    device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor { label: Some(label), entries: &entries })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::arch::TENSORS;

    #[test]
    fn every_parameter_gradient_is_written_once() {
        let mut written = [0; 8];
        for stage in &GRAD_STAGES {
            for buf in stage.writes {
                if let Buf::WeightGrad(t) = buf {
                    written[*t] += 1;
                }
            }
            if let Size::Fixed(all) = stage.size {
                let covered: usize = stage
                    .writes
                    .iter()
                    .map(|b| match b {
                        Buf::WeightGrad(t) => TENSORS[*t].len(),
                        _ => 0,
                    })
                    .sum();
                assert_eq!(all, covered, "{}", stage.label);
            }
        }
        assert_eq!(written, [1; 8]);
    }

    #[test]
    fn gradient_slots_mirror_the_activation_slots() {
        // Each gradient slot has the length of the activation it differentiates.
        assert_eq!(GRAD_LEN[1], SLOT_LEN[6]);
        assert_eq!(GRAD_LEN[2], SLOT_LEN[5]);
        assert_eq!(GRAD_LEN[3], SLOT_LEN[4]);
        assert_eq!(GRAD_LEN[4], SLOT_LEN[3]);
        assert_eq!(GRAD_LEN[5], SLOT_LEN[2]);
        assert_eq!(GRAD_LEN[6], SLOT_LEN[1]);
    }
}
