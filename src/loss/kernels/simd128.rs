//! Explicit WebAssembly SIMD kernels (`core::arch::wasm32`, f32x4).
//!
//! Compiled only for `cfg(all(target_arch = "wasm32", target_feature =
//! "simd128"))`. Each loop keeps four independent f32x4 accumulators (16
//! lanes in flight), then finishes whole f32x4 chunks with one accumulator
//! and the last `len % 4` elements with scalar code. Hinge terms use the same
//! predicate as [`super::scalar`]: a lane is active when `(a − b) + α > 0`;
//! the comparison mask both selects the term (`arg & mask`) and counts it
//! (mask lanes are −1, subtracted from an i32x4 counter).

use core::arch::wasm32::{
    f32x4, f32x4_add, f32x4_extract_lane, f32x4_gt, f32x4_mul, f32x4_splat, f32x4_sub, i32x4_add, i32x4_shuffle,
    i32x4_splat, i32x4_sub, u32x4_extract_lane, v128, v128_and, v128_load, v128_store,
};

use super::{total, HingeSum};

/// Loads four f32 starting at `p` (unaligned loads are fine in wasm).
///
/// # Safety
/// `p .. p + 4` must lie inside one live slice.
#[inline(always)]
unsafe fn load(p: *const f32) -> v128 {
    // SAFETY: the caller guarantees 16 readable bytes at `p`; v128_load has
    // no alignment requirement.
    unsafe { v128_load(p as *const v128) }
}

#[inline(always)]
fn hsum(v: v128) -> f32 {
    (f32x4_extract_lane::<0>(v) + f32x4_extract_lane::<1>(v))
        + (f32x4_extract_lane::<2>(v) + f32x4_extract_lane::<3>(v))
}

#[inline(always)]
fn counts(v: v128) -> [u32; 4] {
    [u32x4_extract_lane::<0>(v), u32x4_extract_lane::<1>(v), u32x4_extract_lane::<2>(v), u32x4_extract_lane::<3>(v)]
}

/// Squared Euclidean distance `‖a − b‖²`.
///
/// # Panics
/// If `a` and `b` differ in length.
pub fn squared_distance(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len(), "vectors must have the same dimension");
    let (n, pa, pb) = (a.len(), a.as_ptr(), b.as_ptr());
    let z = f32x4_splat(0.0);
    let (mut s0, mut s1, mut s2, mut s3) = (z, z, z, z);
    let mut i = 0;
    let sq = |i: usize| {
        // SAFETY: callers below only pass i with i + 4 <= n = a.len() = b.len().
        let d = unsafe { f32x4_sub(load(pa.add(i)), load(pb.add(i))) };
        f32x4_mul(d, d)
    };
    while i + 16 <= n {
        s0 = f32x4_add(s0, sq(i));
        s1 = f32x4_add(s1, sq(i + 4));
        s2 = f32x4_add(s2, sq(i + 8));
        s3 = f32x4_add(s3, sq(i + 12));
        i += 16;
    }
    while i + 4 <= n {
        s0 = f32x4_add(s0, sq(i));
        i += 4;
    }
    let mut sum = hsum(f32x4_add(f32x4_add(s0, s1), f32x4_add(s2, s3)));
    for (x, y) in a[i..].iter().zip(&b[i..]) {
        let d = x - y;
        sum += d * d;
    }
    sum
}

/// Squared distances from `query` (dim = `query.len()`) to every row of the
/// row-major `set`, written to `out`. Dimension 2 (the app's plane) packs
/// four rows into two f32x4 loads.
///
/// # Panics
/// If `query` is empty or `set.len() != out.len() * query.len()`.
pub fn squared_distances(query: &[f32], set: &[f32], out: &mut [f32]) {
    let dim = query.len();
    assert!(dim > 0, "the query must have at least one component");
    assert_eq!(set.len(), out.len() * dim, "set must hold out.len() rows");
    if dim != 2 {
        for (o, row) in out.iter_mut().zip(set.chunks_exact(dim)) {
            *o = squared_distance(query, row);
        }
        return;
    }
    let (q0, q1) = (query[0], query[1]);
    let q = f32x4(q0, q1, q0, q1);
    let (rows, ps, po) = (out.len(), set.as_ptr(), out.as_mut_ptr());
    let mut r = 0;
    while r + 4 <= rows {
        // SAFETY: rows r..r + 4 are 8 floats inside `set` and 4 inside `out`.
        unsafe {
            let d0 = f32x4_sub(load(ps.add(2 * r)), q);
            let d1 = f32x4_sub(load(ps.add(2 * r + 4)), q);
            let (s0, s1) = (f32x4_mul(d0, d0), f32x4_mul(d1, d1));
            let x = i32x4_shuffle::<0, 2, 4, 6>(s0, s1);
            let y = i32x4_shuffle::<1, 3, 5, 7>(s0, s1);
            v128_store(po.add(r) as *mut v128, f32x4_add(x, y));
        }
        r += 4;
    }
    for (o, row) in out[r..].iter_mut().zip(set[2 * r..].chunks_exact(2)) {
        let (d0, d1) = (row[0] - q0, row[1] - q1);
        *o = d0 * d0 + d1 * d1;
    }
}

/// Accumulates one f32x4 of hinge arguments into a sum and a counter.
#[inline(always)]
fn step(arg: v128, sum: &mut v128, count: &mut v128) {
    let mask = f32x4_gt(arg, f32x4_splat(0.0));
    *sum = f32x4_add(*sum, v128_and(arg, mask));
    *count = i32x4_sub(*count, mask);
}

/// Scalar tail of a hinge loop, same predicate as the lanes.
#[inline(always)]
fn tail(argument: f32, sum: &mut f32, active: &mut usize) {
    if argument > 0.0 {
        *sum += argument;
        *active += 1;
    }
}

/// Shared hinge loop: `arg(i)` is the f32x4 of arguments at `i..i + 4`.
#[inline(always)]
fn hinge_loop(n: usize, arg: impl Fn(usize) -> v128) -> (f32, usize, usize) {
    let (z, zi) = (f32x4_splat(0.0), i32x4_splat(0));
    let (mut s, mut c) = ([z; 4], [zi; 4]);
    let mut i = 0;
    while i + 16 <= n {
        for l in 0..4 {
            step(arg(i + 4 * l), &mut s[l], &mut c[l]);
        }
        i += 16;
    }
    while i + 4 <= n {
        step(arg(i), &mut s[0], &mut c[0]);
        i += 4;
    }
    let sum = hsum(f32x4_add(f32x4_add(s[0], s[1]), f32x4_add(s[2], s[3])));
    let c = i32x4_add(i32x4_add(c[0], c[1]), i32x4_add(c[2], c[3]));
    (sum, total(&counts(c)), i)
}

/// Elementwise hinge sum `Σᵢ max(0, aᵢ − bᵢ + α)` with the active count.
///
/// # Panics
/// If `a` and `b` differ in length.
pub fn hinge_sum(a: &[f32], b: &[f32], alpha: f32) -> HingeSum {
    assert_eq!(a.len(), b.len(), "hinge inputs must be equally long");
    let (pa, pb, al) = (a.as_ptr(), b.as_ptr(), f32x4_splat(alpha));
    // SAFETY: hinge_loop only asks for i with i + 4 <= a.len() = b.len().
    let arg = |i: usize| unsafe { f32x4_add(f32x4_sub(load(pa.add(i)), load(pb.add(i))), al) };
    let (mut sum, mut active, i) = hinge_loop(a.len(), arg);
    for (x, y) in a[i..].iter().zip(&b[i..]) {
        tail((x - y) + alpha, &mut sum, &mut active);
    }
    HingeSum { sum, active }
}

/// One row of the k×m hinge: `Σⱼ max(0, a − bⱼ + α)` with the active count.
pub fn hinge_sum_row(a: f32, b: &[f32], alpha: f32) -> HingeSum {
    let (pb, av, al) = (b.as_ptr(), f32x4_splat(a), f32x4_splat(alpha));
    // SAFETY: hinge_loop only asks for i with i + 4 <= b.len().
    let arg = |i: usize| unsafe { f32x4_add(f32x4_sub(av, load(pb.add(i))), al) };
    let (mut sum, mut active, i) = hinge_loop(b.len(), arg);
    for y in &b[i..] {
        tail((a - y) + alpha, &mut sum, &mut active);
    }
    HingeSum { sum, active }
}
