//! "Your photos": pick, drop or take pictures, crop them to thumbnails, name
//! the person, and add them to the gallery (then they are embedded, can be
//! A, P or N, and are trained on). Everything stays in the browser.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_ctx;
use super::face_model::{FaceModel, ModelStatus};
use super::photo_decode::{capture_frame, start_webcam, stop_stream, webcam_denied};
use super::photo_state::{error_code, limit_text, message, PhotoUi, Webcam};
use super::photo_thumb::{canvas_with, put, thumb_url};
use crate::faces::{Crop, MAX_NAME_CHARS, MAX_ZOOM, THUMB_SIDE};
use crate::i18n::Key;

/// Side of the crop preview canvas in pixels.
const PREVIEW_SIDE: f64 = 192.0;

/// The files of a file list.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default()
}

/// The 2D context of a canvas element.
fn context_2d(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Draws the waiting picture fitted into the preview canvas with the crop
/// square outlined, and the resulting thumbnail into its own canvas.
fn draw_preview(ui: PhotoUi, preview: &web_sys::HtmlCanvasElement, thumb: &web_sys::HtmlCanvasElement) {
    let crop = ui.crop.get();
    let Some(context) = context_2d(preview) else { return };
    context.clear_rect(0.0, 0.0, PREVIEW_SIDE, PREVIEW_SIDE);
    ui.pending.with(|p| {
        let Some(d) = p.first() else { return };
        let Some((source, _)) = canvas_with(&d.rgba, d.width, d.height) else { return };
        let scale = PREVIEW_SIDE / f64::from(d.width.max(d.height));
        let (w, h) = (f64::from(d.width) * scale, f64::from(d.height) * scale);
        let (x0, y0) = ((PREVIEW_SIDE - w) / 2.0, (PREVIEW_SIDE - h) / 2.0);
        let _ = context.draw_image_with_html_canvas_element_and_dw_and_dh(&source, x0, y0, w, h);
        let (left, top, side) = crop.rect(d.width, d.height);
        context.set_stroke_style_str("#ffcc00");
        context.set_line_width(2.0);
        context.stroke_rect(x0 + left * scale, y0 + top * scale, side * scale, side * scale);
    });
    if let (Some(Ok(pixels)), Some(c)) = (ui.preview(), context_2d(thumb)) {
        let side = THUMB_SIDE as u32;
        put(&c, &pixels, side, side);
    }
}

/// A crop slider (`data-testid` given, value in `data-value`).
#[component]
fn CropSlider(
    ui: PhotoUi,
    label: Key,
    testid: &'static str,
    min: f64,
    max: f64,
    get: fn(&Crop) -> f64,
    set: fn(&mut Crop, f64),
) -> impl IntoView {
    let ctx = use_ctx();
    let value = move || ui.crop.with(get);
    view! {
        <label class="photo-slider">
            <span>{ctx.t(label)}</span>
            <input type="range" min=min max=max step="0.01" data-testid=testid
                prop:value=move || value().to_string() data-value=move || value().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        ui.crop.update(|c| set(c, v));
                    }
                } />
        </label>
    }
}

/// The crop preview, sliders, name field and add button of the first
/// waiting picture.
#[component]
fn CropStep(ui: PhotoUi, model: FaceModel) -> impl IntoView {
    let ctx = use_ctx();
    let preview = NodeRef::<html::Canvas>::new();
    let thumb = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        if let (Some(p), Some(t)) = (preview.get(), thumb.get()) {
            draw_preview(ui, &p, &t);
        }
    });
    let ready = move || model.status.with(|s| *s == ModelStatus::Ready);
    let source = move || ui.pending.with(|p| p.first().map(|d| format!("{} ({} × {})", d.source, d.width, d.height)));
    let waiting = move || ui.pending.with(|p| p.len().saturating_sub(1));
    view! {
        <div class="photo-crop" data-testid="photo-crop">
            <p class="photo-source" data-testid="photo-source">{source}</p>
            <div class="photo-canvases" role="img" aria-label=ctx.t(Key::PhotosPreview)>
                <canvas node_ref=preview width=PREVIEW_SIDE height=PREVIEW_SIDE data-testid="photo-preview"></canvas>
                <canvas node_ref=thumb class="photo-thumb-canvas" width=THUMB_SIDE height=THUMB_SIDE data-testid="photo-thumb"></canvas>
            </div>
            <p class="hint">{ctx.t(Key::PhotosPreview)}</p>
            <CropSlider ui=ui label=Key::PhotosZoom testid="photo-zoom" min=1.0 max=MAX_ZOOM get=|c| c.zoom set=|c, v| c.zoom = v />
            <CropSlider ui=ui label=Key::PhotosOffsetX testid="photo-offset-x" min=-1.0 max=1.0 get=|c| c.offset_x set=|c, v| c.offset_x = v />
            <CropSlider ui=ui label=Key::PhotosOffsetY testid="photo-offset-y" min=-1.0 max=1.0 get=|c| c.offset_y set=|c, v| c.offset_y = v />
            <label class="photo-name">
                <span>{ctx.t(Key::PhotosName)}</span>
                <input type="text" data-testid="photo-name" maxlength=MAX_NAME_CHARS * 2 prop:value=move || ui.name.get()
                    on:input=move |ev| ui.name.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" && ready() { ui.add_current(model) } />
            </label>
            <div class="button-row">
                <button type="button" data-testid="photo-add" prop:disabled=move || !ready() on:click=move |_| ui.add_current(model)>
                    {ctx.t(Key::PhotosAdd)}
                </button>
                <button type="button" data-testid="photo-discard" on:click=move |_| ui.discard()>{ctx.t(Key::PhotosDiscard)}</button>
            </div>
            <Show when=move || !ready()>
                <p class="hint">{ctx.t(Key::PhotosWaitModel)}</p>
            </Show>
            <Show when=move || { waiting() > 0 }>
                <p class="hint" data-testid="photo-waiting" data-value=waiting>{waiting} " " {ctx.t(Key::PhotosWaiting)}</p>
            </Show>
        </div>
    }
}

/// Webcam buttons, the live video and the webcam message.
#[component]
fn WebcamControls(ui: PhotoUi) -> impl IntoView {
    let ctx = use_ctx();
    let video = NodeRef::<html::Video>::new();
    let stream = StoredValue::new_local(None::<web_sys::MediaStream>);
    let stop = move || {
        if let Some(s) = stream.try_update_value(Option::take).flatten() {
            stop_stream(&s);
        }
        if ui.webcam.get_untracked() == Webcam::On {
            ui.webcam.set(Webcam::Off);
        }
    };
    on_cleanup(stop);
    let start = move |_| {
        ui.webcam.set(Webcam::Starting);
        wasm_bindgen_futures::spawn_local(async move {
            match start_webcam().await {
                Ok(s) => {
                    let Some(v) = video.get_untracked() else { return stop_stream(&s) };
                    v.set_src_object(Some(&s));
                    stream.set_value(Some(s));
                    if let Ok(play) = v.play() {
                        let _ = wasm_bindgen_futures::JsFuture::from(play).await;
                    }
                    ui.webcam.set(Webcam::On);
                }
                Err(e) => ui.webcam.set(if webcam_denied(&e) { Webcam::Denied } else { Webcam::Unavailable }),
            }
        });
    };
    let capture = move |_| {
        let Some(v) = video.get_untracked() else { return };
        match capture_frame(&v) {
            Ok(frame) => {
                ui.errors.set(Vec::new());
                ui.push(frame);
                stop();
            }
            Err(e) => ui.errors.set(vec![("webcam".to_string(), e)]),
        }
    };
    let on = move || ui.webcam.get() == Webcam::On;
    let notice = move || match ui.webcam.get() {
        Webcam::Denied => Some(Key::PhotosWebcamDenied),
        Webcam::Unavailable => Some(Key::PhotosWebcamUnavailable),
        _ => None,
    };
    view! {
        <div class="photo-webcam">
            <div class="button-row">
                <button type="button" data-testid="photo-webcam" prop:disabled=move || on() || ui.webcam.get() == Webcam::Starting on:click=start>
                    {ctx.t(Key::PhotosWebcam)}
                </button>
                <Show when=on>
                    <button type="button" data-testid="photo-capture" on:click=capture>{ctx.t(Key::PhotosCapture)}</button>
                    <button type="button" data-testid="photo-webcam-stop" on:click=move |_| stop()>{ctx.t(Key::PhotosWebcamStop)}</button>
                </Show>
            </div>
            <video node_ref=video class="photo-video" hidden=move || !on() data-testid="photo-video" prop:muted=true autoplay=true playsinline=true></video>
            <Show when=move || notice().is_some()>
                <p class="notice" role="status" data-testid="photo-webcam-message" data-value=move || format!("{:?}", ui.webcam.get()).to_lowercase()>
                    {move || notice().map(|k| ctx.lang.get().t(k)).unwrap_or("")}
                </p>
            </Show>
        </div>
    }
}

/// The list of added photos with their remove buttons.
#[component]
fn PhotoList(ui: PhotoUi, model: FaceModel) -> impl IntoView {
    let ctx = use_ctx();
    let busy = move || model.status.with(|s| *s != ModelStatus::Ready);
    let items = move || {
        let people = ui.user.with(|u| u.people());
        ui.user.with(|u| {
            u.photos()
                .iter()
                .enumerate()
                .map(|(i, photo)| {
                    let trains = people.iter().any(|p| p.trains() && p.photos.contains(&i));
                    let tag = if trains { Key::PhotosTrains } else { Key::FacesHeldOut };
                    view! {
                        <li class="photo-item" data-testid=format!("photo-item-{i}") data-trains=trains.to_string()>
                            <img src=thumb_url(&photo.rgba) width=THUMB_SIDE height=THUMB_SIDE alt=photo.name.clone() />
                            <span class="photo-item-name">{photo.name.clone()}</span>
                            <small>{move || ctx.lang.get().t(tag)}</small>
                            <button type="button" data-testid=format!("photo-remove-{i}") prop:disabled=busy
                                on:click=move |_| ui.remove(model, i)>
                                {ctx.t(Key::PhotosRemove)}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || !ui.user.with(|u| u.is_empty())>
            <h4>{ctx.t(Key::PhotosList)}</h4>
            <ul class="photo-list" data-testid="photo-list" data-value=move || ui.user.with(|u| u.len())>{items}</ul>
        </Show>
    }
}

/// The "your photos" section of the faces panel.
#[component]
pub fn PhotoSection(model: FaceModel) -> impl IntoView {
    let ctx = use_ctx();
    let ui = PhotoUi::new();
    let dragging = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        input.set_value("");
        ui.take_files(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        ui.take_files(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let errors = move || {
        let lang = ctx.lang.get();
        ui.errors.with(|e| {
            e.iter()
                .map(|(source, error)| {
                    let text = message(error, lang);
                    if source.is_empty() {
                        text
                    } else {
                        format!("{source}: {text}")
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    view! {
        <section class="photos" data-testid="photos" aria-labelledby="photos-heading">
            <h3 id="photos-heading">{ctx.t(Key::PhotosHeading)}</h3>
            <p class="notice privacy" data-testid="photo-privacy">{ctx.t(Key::PhotosPrivacy)}</p>
            <p class="hint">{ctx.t(Key::PhotosRule)}</p>
            <div class="photo-drop" class:dragging=move || dragging.get() data-testid="photo-drop"
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label class="photo-pick">
                    <span>{ctx.t(Key::PhotosPick)}</span>
                    <input type="file" accept="image/*" multiple=true data-testid="photo-input" on:change=on_change />
                </label>
                <span>{ctx.t(Key::PhotosDrop)} " (" {limit_text()} ")"</span>
            </div>
            <WebcamControls ui=ui />
            <div class="notice error" role="alert" data-testid="photo-error" hidden=move || ui.errors.with(Vec::is_empty)
                data-value=move || ui.errors.with(|e| e.last().map(|(_, err)| error_code(err)).unwrap_or(""))>
                {errors}
            </div>
            <Show when=move || !ui.pending.with(Vec::is_empty)>
                <CropStep ui=ui model=model />
            </Show>
            <PhotoList ui=ui model=model />
        </section>
    }
}
