//! Showing RGBA pixels in the page: user thumbnails as `data:` PNG URLs
//! (made by a canvas, cached, never fetched from anywhere) and pixels put on
//! a canvas element.

use std::cell::RefCell;

use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::photo_decode::canvas;
use crate::faces::THUMB_SIDE;

/// Most cached URLs (twice the most user photos).
const CACHE_LIMIT: usize = 2 * crate::faces::MAX_USER_PHOTOS;

thread_local! {
    static URLS: RefCell<Vec<(Vec<u8>, String)>> = const { RefCell::new(Vec::new()) };
}

/// A canvas of `width × height` holding `rgba` (straight RGBA8).
pub fn canvas_with(rgba: &[u8], width: u32, height: u32) -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
    let (canvas, context) = canvas(width, height)?;
    put(&context, rgba, width, height)?;
    Some((canvas, context))
}

/// Puts `rgba` at the top-left of a context.
pub fn put(context: &CanvasRenderingContext2d, rgba: &[u8], width: u32, height: u32) -> Option<()> {
    let data = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height).ok()?;
    context.put_image_data(&data, 0.0, 0.0).ok()
}

/// A `data:image/png` URL of a 48×48 thumbnail (empty if the canvas fails).
pub fn thumb_url(rgba: &[u8]) -> String {
    if let Some(url) = URLS.with_borrow(|c| c.iter().find(|(px, _)| px == rgba).map(|(_, url)| url.clone())) {
        return url;
    }
    let side = THUMB_SIDE as u32;
    let url = canvas_with(rgba, side, side).and_then(|(c, _)| c.to_data_url().ok()).unwrap_or_default();
    URLS.with_borrow_mut(|c| {
        if c.len() >= CACHE_LIMIT {
            c.remove(0);
        }
        c.push((rgba.to_vec(), url.clone()));
    });
    url
}
