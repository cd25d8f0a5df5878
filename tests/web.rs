//! Browser tests (wasm-bindgen-test in headless Chromium): mount the real app,
//! drive its inputs like a user and read its readouts.
#![cfg(target_arch = "wasm32")]

use tripletlab::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Leptos effects run (they are scheduled, not synchronous).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn by_testid(root: &HtmlElement, id: &str) -> web_sys::Element {
    root.query_selector(&format!("[data-testid='{id}']")).unwrap().unwrap_or_else(|| panic!("no element {id}"))
}

fn value_of(root: &HtmlElement, id: &str) -> f32 {
    by_testid(root, id).get_attribute("data-value").unwrap().parse().unwrap()
}

fn type_into(root: &HtmlElement, id: &str, text: &str) {
    let input: HtmlInputElement = by_testid(root, id).dyn_into().unwrap();
    input.set_value(text);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

fn mount() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), App).forget();
    root
}

#[wasm_bindgen_test]
async fn typing_a_coordinate_updates_the_loss() {
    let root = mount();
    settle().await;
    // Start scene: A=(0,0), P1=(0.6,0.4), N1=(-0.7,-0.3), α=0.2 → 0.52 − 0.58 + 0.2 = 0.14.
    assert!((value_of(&root, "loss") - 0.14).abs() < 1e-6);
    type_into(&root, "coord-N1-x", "0.6");
    type_into(&root, "coord-N1-y", "0.4");
    settle().await;
    // N1 now coincides with P1: d_an = d_ap, so L = α.
    assert!((value_of(&root, "d-an") - 0.52).abs() < 1e-6);
    assert!((value_of(&root, "loss") - 0.2).abs() < 1e-6);
    assert_eq!(by_testid(&root, "class-N1").get_attribute("data-value").as_deref(), Some("semi-hard"));
    root.remove();
}

#[wasm_bindgen_test]
async fn worked_example_preset_and_alpha_field() {
    let root = mount();
    settle().await;
    let preset: HtmlSelectElement = by_testid(&root, "preset").dyn_into().unwrap();
    preset.set_value("worked-example");
    preset.dispatch_event(&Event::new("change").unwrap()).unwrap();
    type_into(&root, "alpha", "0");
    settle().await;
    assert_eq!(value_of(&root, "loss"), 0.0);
    assert_eq!(by_testid(&root, "loss").text_content().unwrap(), "0");
    type_into(&root, "alpha", "0,2");
    settle().await;
    assert_eq!(by_testid(&root, "loss").text_content().unwrap(), "0.19");
    type_into(&root, "alpha", "not a number");
    settle().await;
    assert_eq!(by_testid(&root, "loss").text_content().unwrap(), "0.19", "bad text keeps the last value");
    assert!(!by_testid(&root, "error-alpha").has_attribute("hidden"));
    root.remove();
}
