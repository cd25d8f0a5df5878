//! The seven compute stages of the forward pass, their WGSL (beside this
//! file, loaded with `include_str!` after `common.wgsl`), bind-group layouts
//! and pipelines.
//!
//! Four shaders serve seven stages: the layer sizes are WGSL `override`
//! constants fixed when each pipeline is created, so the shaders' loops have
//! constant bounds and the only runtime parameter is the batch size (one
//! small uniform buffer shared by every stage). Stage `s` reads activation
//! slot `s` and writes slot `s + 1` ([`SLOT_LEN`]).

use super::device::catch_errors;
use super::GpuError;
use crate::net::arch::{
    CONV1_OUT, CONV2_OUT, EMBED_DIM, FLAT_LEN, HIDDEN, INPUT_LEN, IN_CHANNELS, IN_SIDE, NORM_EPS, POOL1_SIDE,
};

/// The WGSL file `$file` (beside this one) with `common.wgsl` (the shared
/// uniform and index helper) prepended, at compile time.
macro_rules! with_common {
    ($file:literal) => {
        concat!(include_str!("common.wgsl"), "\n", include_str!($file))
    };
}
pub(crate) use with_common;

const CONV_WGSL: &str = with_common!("conv.wgsl");
const POOL_WGSL: &str = with_common!("pool.wgsl");
const DENSE_WGSL: &str = with_common!("dense.wgsl");
const L2NORM_WGSL: &str = with_common!("l2norm.wgsl");

/// Invocations per workgroup in every shader (`@workgroup_size(64)`).
pub(crate) const WORKGROUP_SIZE: u32 = 64;
/// WebGPU's guaranteed `maxComputeWorkgroupsPerDimension`.
const MAX_GROUPS_PER_DIM: u32 = 65_535;

/// Values per image in each activation slot: the input, the output of each
/// stage (conv1, pool1, conv2, pool2, fc1, fc2) and the normalised embedding.
pub(crate) const SLOT_LEN: [usize; 8] = [
    INPUT_LEN,
    CONV1_OUT * IN_SIDE * IN_SIDE,
    CONV1_OUT * POOL1_SIDE * POOL1_SIDE,
    CONV2_OUT * POOL1_SIDE * POOL1_SIDE,
    FLAT_LEN,
    HIDDEN,
    EMBED_DIM,
    EMBED_DIM,
];

/// Which of the four shaders a stage runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shader {
    Conv,
    Pool,
    Dense,
    L2Norm,
}

/// One stage of the forward pass.
pub(crate) struct Stage {
    /// Debug label (also names the stage in validation messages).
    pub(crate) label: &'static str,
    shader: Shader,
    constants: &'static [(&'static str, f64)],
    /// Indices of its weight and bias tensors in [`crate::net::arch::TENSORS`].
    pub(crate) params: Option<(usize, usize)>,
}

/// The stages in execution order.
pub(crate) const STAGES: [Stage; 7] = [
    Stage {
        label: "conv1+bias+relu",
        shader: Shader::Conv,
        constants: &[("IN_CH", IN_CHANNELS as f64), ("OUT_CH", CONV1_OUT as f64), ("SIDE", IN_SIDE as f64)],
        params: Some((0, 1)),
    },
    Stage {
        label: "pool1",
        shader: Shader::Pool,
        constants: &[("CH", CONV1_OUT as f64), ("IN_SIDE", IN_SIDE as f64)],
        params: None,
    },
    Stage {
        label: "conv2+bias+relu",
        shader: Shader::Conv,
        constants: &[("IN_CH", CONV1_OUT as f64), ("OUT_CH", CONV2_OUT as f64), ("SIDE", POOL1_SIDE as f64)],
        params: Some((2, 3)),
    },
    Stage {
        label: "pool2",
        shader: Shader::Pool,
        constants: &[("CH", CONV2_OUT as f64), ("IN_SIDE", POOL1_SIDE as f64)],
        params: None,
    },
    Stage {
        label: "fc1+relu",
        shader: Shader::Dense,
        constants: &[("IN_LEN", FLAT_LEN as f64), ("OUT_LEN", HIDDEN as f64), ("RELU", 1.0)],
        params: Some((4, 5)),
    },
    Stage {
        label: "fc2",
        shader: Shader::Dense,
        constants: &[("IN_LEN", HIDDEN as f64), ("OUT_LEN", EMBED_DIM as f64), ("RELU", 0.0)],
        params: Some((6, 7)),
    },
    Stage {
        label: "l2norm",
        shader: Shader::L2Norm,
        constants: &[("DIM", EMBED_DIM as f64), ("NORM_EPS", NORM_EPS as f64)],
        params: None,
    },
];

/// Workgroup counts `(x, y)` covering `invocations`, one invocation per
/// output value. The shaders rebuild the flat index as
/// `(group.y * groups.x + group.x) * 64 + lane` and skip the overshoot.
pub(crate) fn workgroups(invocations: usize) -> (u32, u32) {
    let groups = invocations.div_ceil(WORKGROUP_SIZE as usize).max(1);
    let groups = u32::try_from(groups).unwrap_or(u32::MAX);
    if groups <= MAX_GROUPS_PER_DIM {
        (groups, 1)
    } else {
        (MAX_GROUPS_PER_DIM, groups.div_ceil(MAX_GROUPS_PER_DIM))
    }
}

/// Compiled pipelines and the two bind-group layouts they use.
pub(crate) struct Pipelines {
    /// One per entry of [`STAGES`].
    pub(crate) stages: Vec<wgpu::ComputePipeline>,
    /// uniform, input, weight, bias, output (conv and dense stages).
    pub(crate) with_params: wgpu::BindGroupLayout,
    /// uniform, input, output (pooling and normalisation).
    pub(crate) plain: wgpu::BindGroupLayout,
}

impl Pipelines {
    /// Compiles the shaders and pipelines inside error scopes, so that a bad
    /// shader is a [`GpuError::ShaderCompile`] rather than a panic or an
    /// uncaptured error. `break_shader` appends a syntax error to the
    /// convolution shader (fault injection).
    pub(crate) async fn create(device: &wgpu::Device, break_shader: bool) -> Result<Self, GpuError> {
        let (pipelines, error) = catch_errors(device, || build(device, break_shader)).await;
        match error {
            Some(message) => Err(GpuError::ShaderCompile { message }),
            None => Ok(pipelines),
        }
    }

    /// The layout a stage's bind group must follow.
    pub(crate) fn layout(&self, stage: &Stage) -> &wgpu::BindGroupLayout {
        if stage.params.is_some() {
            &self.with_params
        } else {
            &self.plain
        }
    }
}

fn build(device: &wgpu::Device, break_shader: bool) -> Pipelines {
    let conv_source = if break_shader { format!("{CONV_WGSL}\nfn injected_fault( {{\n") } else { CONV_WGSL.to_owned() };
    let module = |label: &str, source: &str| {
        device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some(label),
            source: wgpu::ShaderSource::Wgsl(source.into()),
        })
    };
    let conv = module("conv.wgsl", &conv_source);
    let pool = module("pool.wgsl", POOL_WGSL);
    let dense = module("dense.wgsl", DENSE_WGSL);
    let l2norm = module("l2norm.wgsl", L2NORM_WGSL);

    let with_params = layout(device, "net stage with weights", 3);
    let plain = layout(device, "net stage without weights", 1);
    let pipeline_layout = |label: &str, bind: &wgpu::BindGroupLayout| {
        device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some(label),
            bind_group_layouts: &[Some(bind)],
            immediate_size: 0,
        })
    };
    let with_params_pl = pipeline_layout("net stage with weights", &with_params);
    let plain_pl = pipeline_layout("net stage without weights", &plain);

    let stages = STAGES
        .iter()
        .map(|stage| {
            let (module, layout) = match stage.shader {
                Shader::Conv => (&conv, &with_params_pl),
                Shader::Pool => (&pool, &plain_pl),
                Shader::Dense => (&dense, &with_params_pl),
                Shader::L2Norm => (&l2norm, &plain_pl),
            };
            device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
                label: Some(stage.label),
                layout: Some(layout),
                module,
                entry_point: Some("main"),
                compilation_options: wgpu::PipelineCompilationOptions {
                    constants: stage.constants,
                    zero_initialize_workgroup_memory: false,
                },
                cache: None,
            })
        })
        .collect();
    Pipelines { stages, with_params, plain }
}

/// Binding 0: the batch-size uniform; 1 ..= `read_only`: read-only storage
/// (input, then weight and bias if any); last: the read-write output.
fn layout(device: &wgpu::Device, label: &str, read_only: u32) -> wgpu::BindGroupLayout {
    let entry = |binding: u32, ty: wgpu::BufferBindingType| wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::COMPUTE,
        ty: wgpu::BindingType::Buffer { ty, has_dynamic_offset: false, min_binding_size: None },
        count: None,
    };
    let mut entries = vec![entry(0, wgpu::BufferBindingType::Uniform)];
    for binding in 1..=read_only {
        entries.push(entry(binding, wgpu::BufferBindingType::Storage { read_only: true }));
    }
    entries.push(entry(read_only + 1, wgpu::BufferBindingType::Storage { read_only: false }));
    device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor { label: Some(label), entries: &entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workgroups_cover_every_output_within_the_dimension_limit() {
        assert_eq!(workgroups(0), (1, 1));
        assert_eq!(workgroups(64), (1, 1));
        assert_eq!(workgroups(65), (2, 1));
        let n = 65_536 * 64 + 1; // one group more than fits in x
        let (x, y) = workgroups(n);
        assert_eq!((x, y), (MAX_GROUPS_PER_DIM, 2));
        assert!(x as usize * y as usize * WORKGROUP_SIZE as usize >= n);
    }

    #[test]
    fn stages_chain_the_slots() {
        // Each stage's output count per image is the next slot's length.
        assert_eq!(STAGES.len() + 1, SLOT_LEN.len());
        assert_eq!(SLOT_LEN[4], FLAT_LEN);
    }
}
