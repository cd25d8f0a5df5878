//! Where the training panel trains: the user's choice ([`TrainDevice`]) and
//! the rule that turns it into the device actually used
//! ([`trains_on_gpu`]).
//!
//! The automatic choice avoids software GPUs: on an adapter that emulates a
//! GPU on the processor (SwiftShader, llvmpipe/lavapipe, WARP…) the WGSL
//! training step is 15–50× slower than the wasm CPU step (BENCHMARKS.md),
//! so "automatic" trains on the CPU there and on WebGPU on a real GPU.

/// Where the user asked training to run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TrainDevice {
    /// WebGPU on a hardware GPU, else the CPU.
    #[default]
    Auto,
    /// WebGPU whenever the page has it (even a software emulation).
    WebGpu,
    /// Always the CPU (WebAssembly).
    Cpu,
}

impl TrainDevice {
    /// Every choice, in the order the picker lists them.
    pub const ALL: [TrainDevice; 3] = [TrainDevice::Auto, TrainDevice::WebGpu, TrainDevice::Cpu];

    /// The stable value (`auto`, `webgpu`, `cpu`) used by the picker.
    pub fn value(self) -> &'static str {
        match self {
            TrainDevice::Auto => "auto",
            TrainDevice::WebGpu => "webgpu",
            TrainDevice::Cpu => "cpu",
        }
    }

    /// The choice named by [`TrainDevice::value`], `None` for anything else.
    pub fn from_value(value: &str) -> Option<TrainDevice> {
        TrainDevice::ALL.into_iter().find(|d| d.value() == value)
    }
}

/// Names (lower case) by which the known software adapters describe
/// themselves in WebGPU's adapter info or wgpu's adapter name.
const SOFTWARE_NAMES: [&str; 6] = ["swiftshader", "llvmpipe", "lavapipe", "softpipe", "microsoft basic render", "warp"];

/// Whether the adapter named `adapter` is a software emulation of a GPU
/// (the name as the faces panel shows it: WebGPU's description, or vendor,
/// architecture and device joined).
pub fn is_software_adapter(adapter: &str) -> bool {
    let name = adapter.to_lowercase();
    SOFTWARE_NAMES.iter().any(|s| name.contains(s))
}

/// Whether the next training steps run on WebGPU: `gpu_adapter` is the
/// name of the adapter the faces run on (`None`: the faces run on the CPU,
/// so there is no usable GPU), `gpu_failed` whether the GPU already failed
/// during training (then the CPU, whatever the choice).
pub fn trains_on_gpu(choice: TrainDevice, gpu_adapter: Option<&str>, gpu_failed: bool) -> bool {
    let Some(adapter) = gpu_adapter else { return false };
    if gpu_failed {
        return false;
    }
    match choice {
        TrainDevice::Auto => !is_software_adapter(adapter),
        TrainDevice::WebGpu => true,
        TrainDevice::Cpu => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn software_adapters_are_recognised_by_name() {
        // Names as Chromium and wgpu report them.
        for name in [
            "Google SwiftShader",
            "google swiftshader",
            "llvmpipe (LLVM 15.0.6, 256 bits)",
            "lavapipe",
            "Microsoft Basic Render Driver",
        ] {
            assert!(is_software_adapter(name), "{name}");
        }
        for name in [
            "NVIDIA GeForce RTX 3060",
            "Intel(R) UHD Graphics 620",
            "Apple M2",
            "AMD Radeon Pro 5500M",
            "nvidia ampere",
            "",
        ] {
            assert!(!is_software_adapter(name), "{name}");
        }
    }

    #[test]
    fn the_choice_decides_only_where_a_gpu_is_usable() {
        let real = Some("NVIDIA GeForce RTX 3060");
        let emulated = Some("Google SwiftShader");
        let cases = [
            (TrainDevice::Auto, real, false, true),
            (TrainDevice::Auto, emulated, false, false),
            (TrainDevice::WebGpu, emulated, false, true),
            (TrainDevice::WebGpu, real, false, true),
            (TrainDevice::Cpu, real, false, false),
            // No GPU (the faces run on the CPU): never the GPU.
            (TrainDevice::WebGpu, None, false, false),
            (TrainDevice::Auto, None, false, false),
            // A GPU that failed during training: the CPU from then on.
            (TrainDevice::WebGpu, real, true, false),
            (TrainDevice::Auto, real, true, false),
        ];
        for (choice, adapter, failed, expected) in cases {
            assert_eq!(trains_on_gpu(choice, adapter, failed), expected, "{choice:?} {adapter:?} failed={failed}");
        }
    }

    #[test]
    fn values_round_trip_and_unknown_values_are_refused() {
        for d in TrainDevice::ALL {
            assert_eq!(TrainDevice::from_value(d.value()), Some(d));
        }
        assert_eq!(TrainDevice::from_value("gpu"), None);
        assert_eq!(TrainDevice::from_value(""), None);
        assert_eq!(TrainDevice::default(), TrainDevice::Auto);
    }
}
