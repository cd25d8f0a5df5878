//! Turning a user's file or a webcam frame into RGBA pixels, in the browser
//! and nowhere else: the file's first bytes and size are checked by the core
//! ([`check_file`]), the browser decodes it (`createImageBitmap`), and a
//! canvas gives the pixels, scaled down so the longer side is at most
//! [`WORKING_SIDE`]. Nothing is sent anywhere.

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement};

use crate::faces::{check_dimensions, check_file, PhotoError, SNIFF_BYTES};

/// Longest side of the decoded working copy: enough for a 48×48 thumbnail
/// even at the largest zoom, small enough to crop interactively.
pub const WORKING_SIDE: u32 = 1024;

/// A decoded picture waiting for its crop and name.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// Where it came from (the file name, or "webcam").
    pub source: String,
    /// Straight RGBA8, row-major.
    pub rgba: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// A fresh canvas of `width × height` and its 2D context.
pub fn canvas(width: u32, height: u32) -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
    let canvas: HtmlCanvasElement = web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    Some((canvas, context))
}

/// The size a `width × height` source is drawn at: its own, or scaled down
/// so the longer side is [`WORKING_SIDE`].
fn working_size(width: u32, height: u32) -> (u32, u32) {
    let longer = width.max(height).max(1);
    if longer <= WORKING_SIDE {
        return (width, height);
    }
    let scale = f64::from(WORKING_SIDE) / f64::from(longer);
    ((f64::from(width) * scale).round().max(1.0) as u32, (f64::from(height) * scale).round().max(1.0) as u32)
}

/// Reads the pixels a draw call put on a fresh canvas of the working size.
fn pixels(
    width: u32,
    height: u32,
    draw: impl FnOnce(&CanvasRenderingContext2d, f64, f64) -> Result<(), JsValue>,
) -> Result<(Vec<u8>, u32, u32), PhotoError> {
    let (w, h) = working_size(width, height);
    let (_canvas, context) = canvas(w, h).ok_or(PhotoError::DecodeFailed)?;
    draw(&context, f64::from(w), f64::from(h)).map_err(|_| PhotoError::DecodeFailed)?;
    let data = context.get_image_data(0.0, 0.0, f64::from(w), f64::from(h)).map_err(|_| PhotoError::DecodeFailed)?;
    Ok((data.data().0, w, h))
}

/// Checks and decodes a file the user picked or dropped.
pub async fn decode_file(file: &web_sys::File) -> Result<Decoded, PhotoError> {
    let size = file.size().max(0.0) as u64;
    let head = if size == 0 {
        Vec::new()
    } else {
        let blob = file.slice_with_i32_and_i32(0, SNIFF_BYTES as i32).map_err(|_| PhotoError::DecodeFailed)?;
        let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| PhotoError::DecodeFailed)?;
        Uint8Array::new(&buffer).to_vec()
    };
    check_file(size, &file.type_(), &head)?;
    let window = web_sys::window().ok_or(PhotoError::DecodeFailed)?;
    let promise = window.create_image_bitmap_with_blob(file).map_err(|_| PhotoError::DecodeFailed)?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(|_| PhotoError::DecodeFailed)?
        .dyn_into()
        .map_err(|_| PhotoError::DecodeFailed)?;
    let (width, height) = (bitmap.width(), bitmap.height());
    let result = check_dimensions(width, height).and_then(|()| {
        pixels(width, height, |context, w, h| {
            context.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w, h)
        })
    });
    bitmap.close();
    let (rgba, width, height) = result?;
    Ok(Decoded { source: file.name(), rgba, width, height })
}

/// The current frame of a playing video (the webcam).
pub fn capture_frame(video: &HtmlVideoElement) -> Result<Decoded, PhotoError> {
    let (width, height) = (video.video_width(), video.video_height());
    check_dimensions(width, height)?;
    let (rgba, width, height) = pixels(width, height, |context, w, h| {
        context.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w, h)
    })?;
    Ok(Decoded { source: "webcam".to_string(), rgba, width, height })
}

/// Why the webcam could not start, from the `getUserMedia` rejection:
/// `true` when the user (or a policy) refused permission.
pub fn webcam_denied(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| matches!(e.name().as_str(), "NotAllowedError" | "SecurityError" | "PermissionDeniedError"))
}

/// Starts the webcam: the stream of the default camera, video only.
pub async fn start_webcam() -> Result<web_sys::MediaStream, JsValue> {
    let devices = web_sys::window().ok_or(JsValue::NULL)?.navigator().media_devices()?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&JsValue::TRUE);
    constraints.set_audio(&JsValue::FALSE);
    let stream = JsFuture::from(devices.get_user_media_with_constraints(&constraints)?).await?;
    stream.dyn_into()
}

/// Stops every track of a stream (the camera light goes off).
pub fn stop_stream(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}
