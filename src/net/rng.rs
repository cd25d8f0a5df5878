//! SplitMix64: the small, seeded, platform-independent pseudo-random number
//! generator of the net (initialisation, batch sampling). Only integer
//! arithmetic and exact float conversions, so the same seed gives the same
//! numbers natively and in wasm.

/// SplitMix64 (Steele, Lea and Flood 2014): a 64-bit state advanced by a
/// fixed odd constant and mixed by two multiply–xorshift rounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in `[0, 1)` with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform number in `[low, high)`, computed in f64 and rounded to f32.
    pub fn uniform(&mut self, low: f32, high: f32) -> f32 {
        let (low, high) = (f64::from(low), f64::from(high));
        (low + (high - low) * self.next_f64()) as f32
    }

    /// A uniform index in `0..n` (Lemire's multiply-shift; the bias is below
    /// 2⁻³² for the small `n` used here). `n` must be at least 1.
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0, "below(0) has no value to return");
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Shuffles `items` in place (Fisher–Yates, from the back).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_sequence() {
        // First outputs of the reference C implementation for seed 1234567.
        let mut r = SplitMix64::new(1_234_567);
        let got: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        assert_eq!(got, vec![6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]);
    }

    #[test]
    fn ranges_and_shuffles() {
        let mut r = SplitMix64::new(7);
        for _ in 0..1000 {
            let u = r.uniform(-0.5, 0.5);
            assert!((-0.5..0.5).contains(&u));
            assert!(r.below(5) < 5);
        }
        let mut v: Vec<u32> = (0..20).collect();
        r.shuffle(&mut v);
        let mut sorted = v.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
        assert_ne!(v, sorted);
    }
}
