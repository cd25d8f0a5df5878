// Shared by every compute shader of the net (prepended to each file by
// `with_common!` in pipeline.rs; WGSL has no include): the uniform every
// stage reads at binding 0, and the flat index of an invocation.

// The number of images in the batch (padded to 16 bytes for a uniform).
struct Params {
    batch: u32,
    pad0: u32,
    pad1: u32,
    pad2: u32,
}

@group(0) @binding(0) var<uniform> params: Params;

// The flat index of this invocation over a grid of 64-wide workgroups that
// may be spread over two dimensions (when one exceeds the 65 535 limit).
fn flat_index(group: vec3<u32>, groups: vec3<u32>, lane: u32) -> u32 {
    return (group.y * groups.x + group.x) * 64u + lane;
}
