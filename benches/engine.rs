//! Criterion benchmarks of the loss engine (native): every kernel, the
//! sorted k×m hinge against the naive double loop, and the batch losses.
//! Short runs (1 s measurement, 20 samples) so that `cargo bench --bench
//! engine` finishes in a few minutes on 2 cores. Figures: BENCHMARKS.md.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

/// Criterion does not build for wasm32; the browser has its own tests.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
    use std::hint::black_box;
    use std::time::Duration;
    use tripletlab::loss::batch;
    use tripletlab::loss::kernels;
    use tripletlab::loss::sorted::{km_hinge_naive, km_hinge_sorted};

    /// Deterministic pseudo-random values in [0, 4) (xorshift64).
    fn values(n: usize, seed: u64) -> Vec<f32> {
        let mut s = seed | 1;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                (s >> 40) as f32 / (1u64 << 24) as f32 * 4.0
            })
            .collect()
    }

    fn kernels(c: &mut Criterion) {
        let mut g = c.benchmark_group("kernels");
        for dim in [2, 128, 1024] {
            let (a, b) = (values(dim, 1), values(dim, 2));
            g.throughput(Throughput::Elements(dim as u64));
            g.bench_with_input(BenchmarkId::new("squared_distance", dim), &dim, |bench, _| {
                bench.iter(|| kernels::squared_distance(black_box(&a), black_box(&b)))
            });
        }
        for dim in [2, 128] {
            let rows = 1000;
            let (query, set) = (values(dim, 3), values(rows * dim, 4));
            let mut out = vec![0.0; rows];
            g.throughput(Throughput::Elements((rows * dim) as u64));
            g.bench_with_input(BenchmarkId::new("squared_distances_1000_rows", dim), &dim, |bench, _| {
                bench.iter(|| kernels::squared_distances(black_box(&query), black_box(&set), &mut out))
            });
        }
        let n = 10_000;
        let (a, b) = (values(n, 5), values(n, 6));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("hinge_sum", n), |bench| {
            bench.iter(|| kernels::hinge_sum(black_box(&a), black_box(&b), 0.2))
        });
        g.bench_function(BenchmarkId::new("hinge_sum_row", n), |bench| {
            bench.iter(|| kernels::hinge_sum_row(black_box(2.0), black_box(&b), 0.2))
        });
        g.finish();
    }

    fn km(c: &mut Criterion) {
        let mut g = c.benchmark_group("km");
        g.sampling_mode(SamplingMode::Flat);
        for n in [1_000, 10_000, 100_000, 1_000_000] {
            let (d_ap, d_an) = (values(n, 7), values(n, 8));
            g.bench_with_input(BenchmarkId::new("sorted", n), &n, |bench, _| {
                bench.iter(|| km_hinge_sorted(black_box(&d_ap), black_box(&d_an), 0.2).unwrap())
            });
            // The naive double loop is O(k·m): capped at 10⁴ (10⁵ would take
            // seconds per iteration; BENCHMARKS.md extrapolates ×100).
            if n <= 10_000 {
                g.sample_size(10);
                g.bench_with_input(BenchmarkId::new("naive", n), &n, |bench, _| {
                    bench.iter(|| km_hinge_naive(black_box(&d_ap), black_box(&d_an), 0.2).unwrap())
                });
                g.sample_size(20);
            }
        }
        g.finish();
    }

    fn batches(c: &mut Criterion) {
        let mut g = c.benchmark_group("batch");
        g.sampling_mode(SamplingMode::Flat);
        for (b, dim, classes) in [(64, 32, 8), (256, 64, 16), (1024, 128, 32)] {
            let x = values(b * dim, 9);
            let labels: Vec<u32> = (0..b as u32).map(|i| i % classes).collect();
            let id = format!("B{b}_D{dim}");
            g.bench_function(BenchmarkId::new("pairwise", &id), |bench| {
                bench.iter(|| batch::pairwise_squared_distances(black_box(&x), dim).unwrap())
            });
            g.bench_function(BenchmarkId::new("batch_all", &id), |bench| {
                bench.iter(|| batch::batch_all(black_box(&x), &labels, dim, 0.2).unwrap())
            });
            g.bench_function(BenchmarkId::new("batch_all_with_gradient", &id), |bench| {
                bench.iter(|| batch::batch_all_with_gradient(black_box(&x), &labels, dim, 0.2).unwrap())
            });
            g.bench_function(BenchmarkId::new("batch_hard", &id), |bench| {
                bench.iter(|| batch::batch_hard(black_box(&x), &labels, dim, 0.2).unwrap())
            });
            g.bench_function(BenchmarkId::new("batch_hard_with_gradient", &id), |bench| {
                bench.iter(|| batch::batch_hard_with_gradient(black_box(&x), &labels, dim, 0.2).unwrap())
            });
            g.bench_function(BenchmarkId::new("semi_hard", &id), |bench| {
                bench.iter(|| batch::semi_hard(black_box(&x), &labels, dim, 0.2).unwrap())
            });
        }
        g.finish();
    }

    pub fn run() {
        let mut c = Criterion::default()
            .measurement_time(Duration::from_secs(1))
            .warm_up_time(Duration::from_millis(300))
            .sample_size(20)
            .configure_from_args();
        kernels(&mut c);
        km(&mut c);
        batches(&mut c);
        c.final_summary();
    }
}
