//! Sorting f32 values fast, for the sorted k×m hinge and the batch losses.
//!
//! An f32 maps to a u32 *key* whose unsigned order is IEEE 754 total order
//! (the order of [`f32::total_cmp`]: −NaN < −∞ < … < −0 < +0 < … < +∞ <
//! +NaN): flip every bit of a negative number, only the sign bit of a
//! positive one. Keys sort faster than floats compared through `total_cmp`,
//! and large arrays (at least [`RADIX_MIN`] values) use an LSD radix sort
//! with three 11-bit digits: three linear passes instead of O(n log n)
//! comparisons, which is what keeps k = m = 10⁶ fast.

/// Arrays at least this long are radix-sorted; shorter ones use the
/// standard library's unstable sort on the keys.
pub const RADIX_MIN: usize = 1 << 12;

const DIGIT_BITS: u32 = 11;
const BUCKETS: usize = 1 << DIGIT_BITS;

/// The order-preserving key of `value` (see the module docs).
#[inline]
pub fn key(value: f32) -> u32 {
    let bits = value.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

/// The f32 whose key is `key` (inverse of [`key`], bit for bit).
#[inline]
pub fn from_key(key: u32) -> f32 {
    f32::from_bits(if key >> 31 == 1 { key & 0x7fff_ffff } else { !key })
}

/// Sorts keys ascending; `scratch` is a reusable buffer for the radix sort.
pub fn sort_keys(keys: &mut Vec<u32>, scratch: &mut Vec<u32>) {
    let n = keys.len();
    if n < RADIX_MIN {
        keys.sort_unstable();
        return;
    }
    let mut counts = [[0_u32; BUCKETS]; 3];
    for &k in keys.iter() {
        for (pass, c) in counts.iter_mut().enumerate() {
            c[digit(k, pass)] += 1;
        }
    }
    scratch.clear();
    scratch.resize(n, 0);
    for (pass, c) in counts.iter().enumerate() {
        if c.iter().any(|&count| count as usize == n) {
            continue; // every key has the same digit here: nothing moves
        }
        let mut offsets = [0_usize; BUCKETS];
        let mut running = 0;
        for (o, &count) in offsets.iter_mut().zip(c) {
            *o = running;
            running += count as usize;
        }
        for &k in keys.iter() {
            let d = digit(k, pass);
            scratch[offsets[d]] = k;
            offsets[d] += 1;
        }
        std::mem::swap(keys, scratch);
    }
}

#[inline(always)]
fn digit(key: u32, pass: usize) -> usize {
    ((key >> (DIGIT_BITS as usize * pass)) as usize) & (BUCKETS - 1)
}

/// Sorts `values` ascending in total order ([`f32::total_cmp`]), through
/// keys; `keys` and `scratch` are reusable buffers.
pub fn sort_f32_with(values: &mut [f32], keys: &mut Vec<u32>, scratch: &mut Vec<u32>) {
    keys.clear();
    keys.extend(values.iter().map(|&v| key(v)));
    sort_keys(keys, scratch);
    for (v, &k) in values.iter_mut().zip(keys.iter()) {
        *v = from_key(k);
    }
}

/// Sorts `values` ascending in total order ([`f32::total_cmp`]).
pub fn sort_f32(values: &mut [f32]) {
    sort_f32_with(values, &mut Vec::new(), &mut Vec::new());
}

/// Fills `order` with the permutation that sorts `values` ascending in
/// total order, ties by index: `values[order[0]] ≤ values[order[1]] ≤ …`.
pub fn sort_order(values: &[f32], order: &mut Vec<usize>) {
    let mut tagged: Vec<u64> = values.iter().enumerate().map(|(i, &v)| (u64::from(key(v)) << 32) | i as u64).collect();
    tagged.sort_unstable();
    order.clear();
    order.extend(tagged.iter().map(|&t| (t & 0xffff_ffff) as usize));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(values: &[f32]) -> Vec<u32> {
        let mut v = values.to_vec();
        v.sort_by(f32::total_cmp);
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn keys_follow_total_order() {
        let specials = [f32::NEG_INFINITY, -1.5, -0.0, 0.0, 1e-40, 2.0, f32::MAX, f32::INFINITY, f32::NAN];
        for w in specials.windows(2) {
            assert!(key(w[0]) < key(w[1]), "{} {}", w[0], w[1]);
        }
        for v in specials {
            assert_eq!(from_key(key(v)).to_bits(), v.to_bits());
        }
    }

    #[test]
    fn radix_and_comparison_paths_agree_with_total_cmp() {
        let mut s = 0x2545_F491_4F6C_DD1D_u64;
        for n in [0, 1, 7, RADIX_MIN - 1, RADIX_MIN, 3 * RADIX_MIN + 5] {
            let values: Vec<f32> = (0..n)
                .map(|i| {
                    s ^= s << 13;
                    s ^= s >> 7;
                    s ^= s << 17;
                    // Mixed signs, magnitudes and duplicates.
                    if i % 5 == 0 {
                        (s % 7) as f32 - 3.0
                    } else {
                        f32::from_bits(s as u32 & 0xbfff_ffff)
                    }
                })
                .collect();
            let mut sorted = values.clone();
            sort_f32(&mut sorted);
            assert_eq!(sorted.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), reference(&values), "n={n}");
            let mut order = Vec::new();
            sort_order(&values, &mut order);
            assert_eq!(order.iter().map(|&i| values[i].to_bits()).collect::<Vec<_>>(), reference(&values));
            assert!(order.windows(2).all(|w| values[w[0]].to_bits() != values[w[1]].to_bits() || w[0] < w[1]));
        }
    }
}
