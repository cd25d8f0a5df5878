//! The state behind "your photos": the photos added so far (core
//! [`UserFaces`]), the decoded pictures waiting for a crop and a name, the
//! crop, the errors, and the actions that put the photos into the face set
//! (then [`FaceModel::replace_faces`] embeds them and the training panel
//! picks them up on its next rebuild).

use leptos::prelude::*;

use super::context::use_ctx;
use super::face_model::FaceModel;
use super::photo_decode::{decode_file, Decoded};
use crate::faces::{thumbnail, Crop, PhotoError, UserFaces, MAX_FILE_BYTES};
use crate::i18n::{Key, Lang};

/// Webcam state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Webcam {
    /// Not started.
    Off,
    /// Waiting for `getUserMedia`.
    Starting,
    /// Streaming into the preview video.
    On,
    /// Permission refused.
    Denied,
    /// No camera, or no `mediaDevices` (not a secure context).
    Unavailable,
}

/// Signals of the photos section.
#[derive(Clone, Copy)]
pub struct PhotoUi {
    /// The photos added so far.
    pub user: RwSignal<UserFaces>,
    /// Decoded pictures waiting; the first is being cropped.
    pub pending: RwSignal<Vec<Decoded>>,
    /// The crop of the first waiting picture.
    pub crop: RwSignal<Crop>,
    /// The typed name.
    pub name: RwSignal<String>,
    /// Problems to show: the file (or "") and what is wrong.
    pub errors: RwSignal<Vec<(String, PhotoError)>>,
    /// Webcam state.
    pub webcam: RwSignal<Webcam>,
}

impl PhotoUi {
    /// Fresh, empty state.
    pub fn new() -> PhotoUi {
        PhotoUi {
            user: RwSignal::new(UserFaces::new()),
            pending: RwSignal::new(Vec::new()),
            crop: RwSignal::new(Crop::CENTRED),
            name: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
            webcam: RwSignal::new(Webcam::Off),
        }
    }

    /// Checks and decodes `files` one after another; good ones wait for a
    /// crop and a name, bad ones are listed in the errors.
    pub fn take_files(self, files: Vec<web_sys::File>) {
        self.errors.set(Vec::new());
        wasm_bindgen_futures::spawn_local(async move {
            for file in files {
                match decode_file(&file).await {
                    Ok(decoded) => self.push(decoded),
                    Err(error) => self.errors.update(|e| e.push((file.name(), error))),
                }
            }
        });
    }

    /// Queues a decoded picture (a file or a webcam frame).
    pub fn push(self, decoded: Decoded) {
        if self.pending.with_untracked(Vec::is_empty) {
            self.crop.set(Crop::CENTRED);
        }
        self.pending.update(|p| p.push(decoded));
    }

    /// Drops the picture being cropped.
    pub fn discard(self) {
        self.pending.update(|p| {
            if !p.is_empty() {
                p.remove(0);
            }
        });
        self.crop.set(Crop::CENTRED);
    }

    /// The thumbnail of the picture being cropped under the current crop.
    pub fn preview(self) -> Option<Result<Vec<u8>, PhotoError>> {
        let crop = self.crop.get();
        self.pending.with(|p| p.first().map(|d| thumbnail(&d.rgba, d.width, d.height, &crop)))
    }

    /// Adds the picture being cropped under the typed name, then embeds it
    /// with the rest. Any problem is shown and changes nothing.
    pub fn add_current(self, model: FaceModel) {
        let Some(result) = self.preview_untracked() else { return };
        let source = self.pending.with_untracked(|p| p.first().map(|d| d.source.clone()).unwrap_or_default());
        let mut user = self.user.get_untracked();
        match result.and_then(|thumb| user.add(&self.name.get_untracked(), thumb)) {
            Ok(_) => {
                self.errors.set(Vec::new());
                self.user.set(user);
                self.discard();
                self.apply(model);
            }
            Err(error) => self.errors.set(vec![(source, error)]),
        }
    }

    fn preview_untracked(self) -> Option<Result<Vec<u8>, PhotoError>> {
        let crop = self.crop.get_untracked();
        self.pending.with_untracked(|p| p.first().map(|d| thumbnail(&d.rgba, d.width, d.height, &crop)))
    }

    /// Removes user photo `index`: points bound to it are unbound, points
    /// bound to later photos follow them, and everything is embedded again.
    pub fn remove(self, model: FaceModel, index: usize) {
        let mut user = self.user.get_untracked();
        if user.remove(index).is_none() {
            return;
        }
        self.user.set(user);
        let Some(bundled) = model.faces.with_untracked(|f| f.as_ref().map(|f| f.bundled_len())) else { return };
        let removed = bundled + index;
        let moved = |face: usize| match face.cmp(&removed) {
            std::cmp::Ordering::Less => Some(face),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(face - 1),
        };
        let ctx = use_ctx();
        ctx.scene.update(|s| {
            for (id, face) in s.faces.bound() {
                match moved(face) {
                    Some(f) => s.faces.bind(id, f),
                    None => s.faces.unbind(id),
                }
            }
        });
        model.selected.update(|s| *s = s.and_then(moved));
        self.apply(model);
    }

    /// Rebuilds the face set from the bundled faces and the user photos and
    /// embeds it.
    pub fn apply(self, model: FaceModel) {
        let Some(faces) = model.faces.get_untracked() else { return };
        let combined = self.user.with_untracked(|u| faces.with_user_photos(u));
        model.replace_faces(combined);
    }
}

/// The sentence for a photo problem in `lang`, with its numbers.
pub fn message(error: &PhotoError, lang: Lang) -> String {
    let t = |k: Key| lang.t(k);
    let mib = |bytes: u64| format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0));
    match error {
        PhotoError::EmptyFile => t(Key::PhotoErrEmpty).to_string(),
        PhotoError::TooLarge { bytes, limit } => {
            format!("{} {} ({} {}).", t(Key::PhotoErrTooLarge), mib(*bytes), t(Key::PhotoLimit), mib(*limit))
        }
        PhotoError::NotAnImage { mime } if mime.is_empty() => format!("{}.", t(Key::PhotoErrNotImage)),
        PhotoError::NotAnImage { mime } => format!("{} ({mime}).", t(Key::PhotoErrNotImage)),
        PhotoError::UnsupportedImage { mime } => {
            format!("{} ({mime}); {}", t(Key::PhotoErrUnsupported), t(Key::PhotoErrUseFormats))
        }
        PhotoError::DecodeFailed => t(Key::PhotoErrDecode).to_string(),
        PhotoError::BadDimensions { width, height } => format!("{} {width} × {height} px.", t(Key::PhotoErrDimensions)),
        PhotoError::PixelCount { .. } => t(Key::PhotoErrPixels).to_string(),
        PhotoError::NameEmpty => t(Key::PhotoErrNameEmpty).to_string(),
        PhotoError::NameTooLong { chars, max } => {
            format!("{} {chars} {} ({} {max}).", t(Key::PhotoErrNameTooLong), t(Key::PhotoChars), t(Key::PhotoLimit))
        }
        PhotoError::TooManyPhotos { max } => format!("{} {max}.", t(Key::PhotoErrTooMany)),
    }
}

/// The stable test value of a problem (`data-value` of `photo-error`).
pub fn error_code(error: &PhotoError) -> &'static str {
    match error {
        PhotoError::EmptyFile => "empty",
        PhotoError::TooLarge { .. } => "too-large",
        PhotoError::NotAnImage { .. } => "not-image",
        PhotoError::UnsupportedImage { .. } => "unsupported",
        PhotoError::DecodeFailed => "decode",
        PhotoError::BadDimensions { .. } => "dimensions",
        PhotoError::PixelCount { .. } => "pixels",
        PhotoError::NameEmpty => "name-empty",
        PhotoError::NameTooLong { .. } => "name-too-long",
        PhotoError::TooManyPhotos { .. } => "too-many",
    }
}

/// The largest file, for the hint next to the picker.
pub fn limit_text() -> String {
    format!("≤ {} MB", MAX_FILE_BYTES / (1024 * 1024))
}
