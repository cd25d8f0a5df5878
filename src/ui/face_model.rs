//! Loads the bundled faces and the net's weights, runs the net on WebGPU
//! (falling back to the CPU with a visible reason) and publishes every face's
//! embedding. The faces' points in the scene follow those embeddings.
//!
//! Flow: XHR downloads with byte progress → [`FaceSet::from_bytes`] and
//! [`Weights::from_bytes`] (every problem is a clear message in the panel) →
//! [`GpuNet::new`] → one forward of all faces (or [`forward_batch`] on the
//! CPU) → [`FaceModel::embeddings`] → `Scene::refresh_faces`.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_ctx;
use crate::faces::FaceSet;
use crate::net::forward::forward_batch;
#[cfg(feature = "gpu")]
use crate::net::gpu::{GpuFault, GpuNet, GpuOptions};
use crate::net::Weights;

/// Where the bundled files are served (relative to the page, so the app
/// also works from a sub-path).
pub const ATLAS_URL: &str = "faces/atlas.png";
/// The atlas manifest.
pub const MANIFEST_URL: &str = "faces/manifest.json";
/// The trained weights.
pub const WEIGHTS_URL: &str = "net/weights.bin";

/// Loading state of the faces panel.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelStatus {
    /// Downloading: bytes received so far and expected in all.
    Loading {
        /// Bytes received.
        loaded: f64,
        /// Bytes expected (0 while unknown).
        total: f64,
    },
    /// Computing every embedding.
    Embedding,
    /// Embeddings are available.
    Ready,
    /// Loading failed; the message says why.
    Failed(String),
}

/// Which processor runs the net.
#[derive(Clone, Debug, PartialEq)]
pub enum Backend {
    /// Not decided yet.
    Starting,
    /// WebGPU, with the adapter's name.
    WebGpu(String),
    /// The CPU (WebAssembly SIMD build of the same forward pass).
    Cpu,
}

impl Backend {
    /// The stable test value (`webgpu`, `cpu`, or `starting`).
    pub fn value(&self) -> &'static str {
        match self {
            Backend::Starting => "starting",
            Backend::WebGpu(_) => "webgpu",
            Backend::Cpu => "cpu",
        }
    }
}

/// Signals of the faces panel, provided once by the app.
#[derive(Clone, Copy)]
pub struct FaceModel {
    /// Loading state.
    pub status: RwSignal<ModelStatus>,
    /// The bundled faces, once loaded.
    pub faces: RwSignal<Option<Arc<FaceSet>>>,
    /// Every face's embedding (n×3, on the unit sphere); empty until ready.
    pub embeddings: RwSignal<Arc<Vec<f32>>>,
    /// The processor in use.
    pub backend: RwSignal<Backend>,
    /// Why WebGPU is not used, when it is not.
    pub fallback: RwSignal<Option<String>>,
    /// Milliseconds the last forward pass took.
    pub forward_ms: RwSignal<Option<f64>>,
    /// The face picked in the gallery.
    pub selected: RwSignal<Option<usize>>,
    /// Whether every face is drawn as a faint point in 3D.
    pub show_all: RwSignal<bool>,
}

thread_local! {
    #[cfg(feature = "gpu")]
    static GPU: RefCell<Option<GpuNet>> = const { RefCell::new(None) };
    /// The loaded weights, kept to embed user photos with them.
    static WEIGHTS: RefCell<Option<Weights>> = const { RefCell::new(None) };
    /// The `?gpu-fault=` of the URL the page was opened with.
    #[cfg(feature = "gpu")]
    static PAGE_FAULT: std::cell::OnceCell<Option<GpuFault>> = const { std::cell::OnceCell::new() };
}

/// The faces model from context.
pub fn use_face_model() -> FaceModel {
    expect_context::<FaceModel>()
}

impl FaceModel {
    /// Creates the signals, provides them and starts loading.
    pub fn provide() -> FaceModel {
        let model = FaceModel {
            status: RwSignal::new(ModelStatus::Loading { loaded: 0.0, total: 0.0 }),
            faces: RwSignal::new(None),
            embeddings: RwSignal::new(Arc::new(Vec::new())),
            backend: RwSignal::new(Backend::Starting),
            fallback: RwSignal::new(None),
            forward_ms: RwSignal::new(None),
            selected: RwSignal::new(None),
            show_all: RwSignal::new(false),
        };
        provide_context(model);
        #[cfg(feature = "gpu")]
        page_gpu_options();
        let ctx = use_ctx();
        // Bound points follow the embeddings (a new backend, new weights)
        // and take them as soon as they are bound (a pick, a preset, a link).
        let bindings = Memo::new(move |_| ctx.scene.with(|s| s.faces.clone()));
        Effect::new(move |_| {
            bindings.track();
            let table = model.embeddings.get();
            if table.is_empty() {
                return;
            }
            let mut scene = ctx.scene.get_untracked();
            if scene.refresh_faces(&table) {
                ctx.scene.set(scene);
            }
        });
        model.load();
        model
    }

    /// (Re)starts loading the atlas, manifest and weights. The gallery
    /// appears as soon as the faces are decoded, even if the weights fail.
    pub fn load(self) {
        self.status.set(ModelStatus::Loading { loaded: 0.0, total: 0.0 });
        wasm_bindgen_futures::spawn_local(async move {
            let progress = RwSignal::new([(0.0, 0.0); 3]);
            let report = move |slot: usize| {
                move |loaded: f64, total: f64| {
                    progress.update(|p| p[slot] = (loaded, total));
                    let p = progress.get_untracked();
                    self.status.set(ModelStatus::Loading {
                        loaded: p.iter().map(|x| x.0).sum(),
                        total: p.iter().map(|x| x.1).sum(),
                    });
                }
            };
            let faces = match fetch_faces(report(0), report(1)).await {
                Ok(faces) => Arc::new(faces),
                Err(message) => return self.status.set(ModelStatus::Failed(message)),
            };
            self.faces.set(Some(faces.clone()));
            match fetch_weights(report(2)).await {
                Ok(weights) => {
                    WEIGHTS.with_borrow_mut(|w| *w = Some(weights.clone()));
                    self.status.set(ModelStatus::Embedding);
                    self.embed_all(&faces, &weights).await;
                }
                Err(message) => self.status.set(ModelStatus::Failed(message)),
            }
        });
    }

    /// Embeds every face: on WebGPU when it works, else on the CPU (the
    /// reason is kept in [`FaceModel::fallback`]).
    async fn embed_all(self, faces: &FaceSet, weights: &Weights) {
        let inputs: Vec<f32> = (0..faces.len()).flat_map(|i| faces.net_input(i)).collect();
        let (table, ms) = match self.gpu_forward(weights, &inputs).await {
            Ok(done) => done,
            Err(reason) => {
                self.fallback.set(Some(reason));
                self.backend.set(Backend::Cpu);
                let start = now_ms();
                let table = forward_batch(weights, &inputs);
                (table, now_ms() - start)
            }
        };
        self.forward_ms.set(Some(ms));
        self.embeddings.set(Arc::new(table));
        self.status.set(ModelStatus::Ready);
    }

    #[cfg(feature = "gpu")]
    /// The embeddings on WebGPU and the milliseconds the forward pass took
    /// (device and pipeline creation, done once, not counted).
    async fn gpu_forward(self, weights: &Weights, inputs: &[f32]) -> Result<(Vec<f32>, f64), String> {
        let existing = GPU.with(|g| g.borrow_mut().take());
        let mut net = match existing {
            Some(mut net) if !net.is_lost() => {
                net.update_weights(weights).map_err(|e| e.to_string())?;
                net
            }
            _ => GpuNet::new(weights, page_gpu_options()).await.map_err(|e| e.to_string())?,
        };
        let start = now_ms();
        let table = net.forward(inputs).await.map_err(|e| e.to_string())?;
        let ms = now_ms() - start;
        self.backend.set(Backend::WebGpu(net.adapter_name().to_string()));
        GPU.with(|g| *g.borrow_mut() = Some(net));
        Ok((table, ms))
    }

    #[cfg(not(feature = "gpu"))]
    async fn gpu_forward(self, _weights: &Weights, _inputs: &[f32]) -> Result<(Vec<f32>, f64), String> {
        Err("this build has no GPU path".to_string())
    }

    /// Replaces the face set (the bundled faces with the user's photos, see
    /// [`FaceSet::with_user_photos`]) and embeds every face again with the
    /// loaded weights on the backend in use. Before the weights are loaded it
    /// only replaces the set.
    pub fn replace_faces(self, faces: FaceSet) {
        let faces = Arc::new(faces);
        self.faces.set(Some(faces.clone()));
        let Some(weights) = WEIGHTS.with_borrow(Clone::clone) else { return };
        if self.backend.get_untracked() == Backend::Cpu {
            let inputs: Vec<f32> = (0..faces.len()).flat_map(|i| faces.net_input(i)).collect();
            let start = now_ms();
            let table = forward_batch(&weights, &inputs);
            self.forward_ms.set(Some(now_ms() - start));
            self.embeddings.set(Arc::new(table));
            return;
        }
        self.status.set(ModelStatus::Embedding);
        wasm_bindgen_futures::spawn_local(async move { self.embed_all(&faces, &weights).await });
    }

    /// The embedding of `face`, once computed.
    pub fn embedding(self, face: usize) -> Option<[f32; 3]> {
        self.embeddings.with(|t| crate::state::face_bindings::embedding_of(t, face))
    }
}

/// Downloads and decodes the manifest and the atlas.
async fn fetch_faces(
    manifest_progress: impl Fn(f64, f64) + 'static,
    atlas_progress: impl Fn(f64, f64) + 'static,
) -> Result<FaceSet, String> {
    let manifest = fetch_bytes(MANIFEST_URL, manifest_progress).await?;
    let atlas = fetch_bytes(ATLAS_URL, atlas_progress).await?;
    let manifest = String::from_utf8(manifest).map_err(|_| format!("{MANIFEST_URL}: not UTF-8 text"))?;
    FaceSet::from_bytes(&atlas, &manifest).map_err(|e| format!("{ATLAS_URL}: {e}"))
}

/// Downloads and checks the weights.
async fn fetch_weights(progress: impl Fn(f64, f64) + 'static) -> Result<Weights, String> {
    let bytes = fetch_bytes(WEIGHTS_URL, progress).await?;
    Weights::from_bytes(&bytes).map_err(|e| format!("{WEIGHTS_URL}: {e}"))
}

/// The GPU options of the page: the defaults, with the fault named by the
/// URL's `?gpu-fault=` parameter injected (end-to-end tests, see
/// [`GpuFault::from_query`]).
/// The URL is read once, when the app starts ([`FaceModel::provide`]):
/// the app rewrites its query string as its state changes.
#[cfg(feature = "gpu")]
pub fn page_gpu_options() -> GpuOptions {
    let fault = PAGE_FAULT.with(|f| {
        *f.get_or_init(|| {
            let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
            GpuFault::from_query(&search)
        })
    });
    GpuOptions { fault, ..GpuOptions::default() }
}

/// Milliseconds since the page started (`performance.now()`).
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Downloads `url` as bytes, reporting (loaded, total) progress; errors are
/// short English sentences naming the file.
async fn fetch_bytes(url: &str, progress: impl Fn(f64, f64) + 'static) -> Result<Vec<u8>, String> {
    let xhr = web_sys::XmlHttpRequest::new().map_err(|_| format!("{url}: cannot start the download"))?;
    xhr.open("GET", url).map_err(|_| format!("{url}: cannot start the download"))?;
    xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
    let on_progress = Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
        progress(ev.loaded(), if ev.length_computable() { ev.total() } else { 0.0 });
    });
    xhr.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        xhr.set_onload(Some(&resolve));
        xhr.set_onerror(Some(&reject));
        xhr.set_onabort(Some(&reject));
    });
    xhr.send().map_err(|_| format!("{url}: the download could not be sent"))?;
    let result = wasm_bindgen_futures::JsFuture::from(done).await;
    xhr.set_onprogress(None);
    drop(on_progress);
    if result.is_err() {
        return Err(format!("{url}: the download failed (network error)"));
    }
    let status = xhr.status().unwrap_or(0);
    if status != 200 {
        return Err(format!("{url}: the server answered HTTP {status}"));
    }
    let buffer = xhr.response().map_err(|_| format!("{url}: no response body"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
