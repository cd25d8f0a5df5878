//! [`GpuError`]: every way the GPU path can fail, each with an English
//! message that can be shown to the user as it is (a UI notice such as
//! "GPU inference unavailable: …", after which the app falls back to the CPU
//! forward pass).

use std::fmt;

/// A failure of the GPU forward pass, from acquiring the device to reading
/// the embeddings back. `Display` gives a complete English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GpuError {
    /// The browser has no WebGPU (`navigator.gpu` is missing): an old
    /// browser, a browser with WebGPU switched off, or an insecure (non-HTTPS)
    /// page.
    WebGpuUnavailable,
    /// WebGPU / Vulkan is there, but no adapter was found (`requestAdapter()`
    /// returned null, or no Vulkan driver is installed). `detail` is wgpu's
    /// own explanation.
    NoAdapter {
        /// wgpu's explanation (which backends were tried).
        detail: String,
    },
    /// An adapter was found but it refused to create a device.
    DeviceRequest {
        /// The reason reported by the browser or the driver.
        reason: String,
    },
    /// A WGSL shader or a compute pipeline failed to compile or validate.
    ShaderCompile {
        /// The compiler's / validator's message.
        message: String,
    },
    /// The device was lost (destroyed, driver reset, GPU process crash).
    /// A lost device never comes back: create a new [`super::GpuNet`].
    DeviceLost {
        /// The reason given by the device-lost callback.
        reason: String,
    },
    /// Mapping the staging buffer to read the embeddings back failed.
    Readback {
        /// What went wrong.
        reason: String,
    },
    /// The GPU rejected the forward pass (a validation or internal error
    /// caught by the forward's error scope).
    Validation {
        /// The validator's message.
        message: String,
    },
    /// The input slice is not a whole number of net inputs.
    InvalidInput {
        /// Length of the slice that was passed.
        len: usize,
    },
    /// A weight tensor has the wrong length.
    InvalidWeights {
        /// Name of the tensor (as in [`crate::net::arch::TENSORS`]).
        tensor: &'static str,
        /// Its length.
        len: usize,
        /// The length the architecture requires.
        expected: usize,
    },
    /// [`super::GpuNet::backward`] got an embeddings' gradient whose length
    /// is not 3 per image of the last forward (or no forward preceded it
    /// since the last weight update).
    GradientLength {
        /// Values given.
        len: usize,
        /// 3 × the images of the last forward (0 when there is none).
        expected: usize,
    },
    /// The batch does not fit the device's storage-buffer limits.
    BatchTooLarge {
        /// Images in the batch.
        n: usize,
        /// The largest batch this device can take in one forward.
        max: usize,
    },
}

impl fmt::Display for GpuError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WebGpuUnavailable => f.write_str(
                "WebGPU is not available in this browser (navigator.gpu is missing); \
                 it needs a recent Chrome, Edge or Firefox over HTTPS or localhost",
            ),
            Self::NoAdapter { detail } => {
                write!(f, "no GPU adapter was found for the embedding net ({detail})")
            }
            Self::DeviceRequest { reason } => {
                write!(f, "the GPU adapter refused to create a device: {reason}")
            }
            Self::ShaderCompile { message } => {
                write!(f, "a compute shader of the embedding net failed to compile: {message}")
            }
            Self::DeviceLost { reason } => {
                write!(f, "the GPU device was lost ({reason}); the GPU path has to be recreated")
            }
            Self::Readback { reason } => {
                write!(f, "reading the embeddings back from the GPU failed: {reason}")
            }
            Self::Validation { message } => {
                write!(f, "the GPU rejected the forward pass: {message}")
            }
            Self::InvalidInput { len } => write!(
                f,
                "the input holds {len} values, not a whole number of 3 × 24 × 24 images ({} values each)",
                crate::net::arch::INPUT_LEN
            ),
            Self::InvalidWeights { tensor, len, expected } => {
                write!(f, "weight tensor {tensor} holds {len} values instead of {expected}")
            }
            Self::GradientLength { len, expected: 0 } => write!(
                f,
                "the backward pass got {len} gradient values but no forward pass with the current weights preceded it"
            ),
            Self::GradientLength { len, expected } => write!(
                f,
                "the backward pass got {len} gradient values, but the last forward pass needs {expected} (3 per image)"
            ),
            Self::BatchTooLarge { n, max } => {
                write!(f, "a batch of {n} images is too large for this GPU (at most {max} per forward)")
            }
        }
    }
}

impl std::error::Error for GpuError {}

/// Flattens a wgpu error and its `source()` chain into one line of text.
pub(crate) fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = clean(&error.to_string());
    let mut source = error.source();
    while let Some(cause) = source {
        let line = clean(&cause.to_string());
        let line = line.trim();
        if !line.is_empty() && !text.contains(line) {
            text.push_str(": ");
            text.push_str(line);
        }
        source = cause.source();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// wgpu's WebGPU backend formats browser exceptions as
/// `JsValue(Name: message\n<the stack>)`: keep `Name: message`.
fn clean(text: &str) -> String {
    match text.trim().strip_prefix("JsValue(") {
        Some(js) => {
            let first = js.lines().next().unwrap_or_default();
            first.strip_suffix(')').unwrap_or(first).trim().to_owned()
        }
        None => text.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_sentences() {
        let e = GpuError::DeviceLost { reason: "destroyed".into() };
        assert_eq!(e.to_string(), "the GPU device was lost (destroyed); the GPU path has to be recreated");
        assert!(GpuError::InvalidInput { len: 5 }.to_string().contains("1728"));
    }

    #[test]
    fn browser_exceptions_lose_their_stack() {
        let raw = "JsValue(OperationError: limit too high\nOperationError: limit too high\n    at f (x.js:1:2))";
        assert_eq!(clean(raw), "OperationError: limit too high");
        assert_eq!(clean("  plain  "), "plain");
    }
}
