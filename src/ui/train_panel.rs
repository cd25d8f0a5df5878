//! The training card: train the embedding net in the page (on WebGPU when
//! the faces panel uses it, else on the CPU),
//! alone or α = 0 against α = 0.2, with live readouts, the curves, the
//! spheres of every face, and the lesson's explanation of what happens.

use leptos::prelude::*;

use super::context::{use_ctx, Ctx};
use super::face_gallery::short_reason;
use super::face_model::{use_face_model, Backend};
use super::train_charts::{alpha_label, run_class, TrainChart, TrainSphere};
use super::train_state::{TrainBackend, TrainUi};
use crate::i18n::Key;
use crate::net::session::SessionSettings;
use crate::net::train_device::{is_software_adapter, TrainDevice};
use crate::net::{Mining, Optimizer};

/// Batch sizes offered (multiples of 4 images per identity).
const BATCHES: [usize; 4] = [16, 32, 48, 64];
/// Learning rates offered.
const RATES: [f32; 5] = [3e-4, 1e-3, 3e-3, 1e-2, 3e-2];
/// Momentum of the SGD option.
const MOMENTUM: f32 = 0.9;

fn mining_value(m: Mining) -> &'static str {
    match m {
        Mining::BatchAll => "batch-all",
        Mining::BatchHard => "batch-hard",
        Mining::SemiHard => "semi-hard",
    }
}

fn optimizer_value(o: Optimizer) -> &'static str {
    match o {
        Optimizer::Sgd { .. } => "sgd",
        Optimizer::Adam { .. } => "adam",
    }
}

/// A labelled `<select>` bound to one setting (changing it rebuilds the session).
#[component]
fn Choice(
    ctx: Ctx,
    label: Key,
    testid: &'static str,
    value: Signal<String>,
    options: Vec<(String, Signal<String>)>,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="train-field">
            <span class="control-label">{ctx.t(label)}</span>
            <select data-testid=testid prop:value=move || value.get() on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {options.into_iter().map(|(v, text)| view! { <option value=v>{move || text.get()}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// The settings form.
#[component]
fn TrainSettings(ui: TrainUi) -> impl IntoView {
    let ctx = use_ctx();
    let set = move |f: &dyn Fn(&mut SessionSettings)| ui.settings.update(|s| f(s));
    let text = move |k: Key| Signal::derive(move || ctx.lang.get().t(k).to_string());
    let fixed = |s: &str| Signal::stored(s.to_string());
    let mining = Signal::derive(move || mining_value(ui.settings.with(|s| s.mining)).to_string());
    let optimizer = Signal::derive(move || optimizer_value(ui.settings.with(|s| s.optimizer)).to_string());
    let batch = Signal::derive(move || ui.settings.with(|s| s.batch_size).to_string());
    let rate = Signal::derive(move || ui.settings.with(|s| s.learning_rate).to_string());
    let start = Signal::derive(move || if ui.collapsed.get() { "collapsed" } else { "fresh" }.to_string());
    view! {
        <label class="checkbox train-compare">
            <input
                type="checkbox"
                data-testid="train-compare"
                prop:checked=move || ui.compare.get()
                on:change=move |ev| ui.compare.set(event_target_checked(&ev))
            />
            {ctx.t(Key::TrainCompare)}
        </label>
        <div class="train-settings">
            <label class="train-field">
                <span class="control-label">{ctx.t(Key::TrainAlpha)}</span>
                <input
                    type="number"
                    data-testid="train-alpha"
                    min="0"
                    max="2"
                    step="0.05"
                    prop:disabled=move || ui.compare.get()
                    prop:value=move || ui.settings.with(|s| s.alpha).to_string()
                    on:change=move |ev| {
                        let v = event_target_value(&ev).replace(',', ".").parse::<f32>().ok();
                        if let Some(a) = v.filter(|a| a.is_finite() && (0.0..=2.0).contains(a)) {
                            set(&|s| s.alpha = a);
                        }
                    }
                />
            </label>
            <Choice
                ctx=ctx
                label=Key::TrainMining
                testid="train-mining"
                value=mining
                options=vec![
                    ("batch-all".into(), text(Key::TrainMiningAll)),
                    ("batch-hard".into(), text(Key::TrainMiningHard)),
                    ("semi-hard".into(), text(Key::TrainMiningSemi)),
                ]
                on_pick=Callback::new(move |v: String| {
                    let m = match v.as_str() {
                        "batch-hard" => Mining::BatchHard,
                        "semi-hard" => Mining::SemiHard,
                        _ => Mining::BatchAll,
                    };
                    set(&|s| s.mining = m);
                })
            />
            <Choice
                ctx=ctx
                label=Key::TrainBatch
                testid="train-batch"
                value=batch
                options=BATCHES.iter().map(|b| (b.to_string(), fixed(&b.to_string()))).collect()
                on_pick=Callback::new(move |v: String| {
                    if let Ok(b) = v.parse::<usize>() {
                        set(&|s| s.batch_size = b);
                    }
                })
            />
            <Choice
                ctx=ctx
                label=Key::TrainLearningRate
                testid="train-lr"
                value=rate
                options=RATES.iter().map(|r| (r.to_string(), fixed(&r.to_string()))).collect()
                on_pick=Callback::new(move |v: String| {
                    if let Ok(r) = v.parse::<f32>() {
                        set(&|s| s.learning_rate = r);
                    }
                })
            />
            <Choice
                ctx=ctx
                label=Key::TrainOptimizer
                testid="train-optimizer"
                value=optimizer
                options=vec![("adam".into(), fixed("Adam")), ("sgd".into(), text(Key::TrainSgd))]
                on_pick=Callback::new(move |v: String| {
                    let o = if v == "sgd" { Optimizer::Sgd { momentum: MOMENTUM } } else { Optimizer::ADAM };
                    set(&|s| s.optimizer = o);
                })
            />
            <label class="train-field">
                <span class="control-label">{ctx.t(Key::TrainSeed)}</span>
                <input
                    type="number"
                    data-testid="train-seed"
                    min="0"
                    step="1"
                    prop:value=move || ui.settings.with(|s| s.seed).to_string()
                    on:change=move |ev| {
                        if let Ok(seed) = event_target_value(&ev).trim().parse::<u64>() {
                            set(&|s| s.seed = seed);
                        }
                    }
                />
            </label>
            <Choice
                ctx=ctx
                label=Key::TrainStartWeights
                testid="train-start-weights"
                value=start
                options=vec![("fresh".into(), text(Key::TrainFresh)), ("collapsed".into(), text(Key::TrainCollapsed))]
                on_pick=Callback::new(move |v: String| ui.collapsed.set(v == "collapsed"))
            />
        </div>
        <p class="hint">{ctx.t(Key::TrainSettingsNote)}</p>
    }
}

/// Step counter and one row of numbers per run.
#[component]
fn TrainReadouts(ui: TrainUi) -> impl IntoView {
    let ctx = use_ctx();
    let step = move || ui.snapshot.with(|s| s.step);
    let rows = move || {
        ui.snapshot.with(|s| {
            let n = s.runs.len();
            s.runs
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let loss = r.loss.last().copied();
                    let active = r.fraction_active.last().copied();
                    let accuracy = r.accuracy.last().map(|a| a.1);
                    // The last run (the margin run when comparing) carries the stable test ids.
                    let main = i + 1 == n;
                    let fmt = |v: Option<f64>, digits: usize| v.map_or("—".to_string(), |v| format!("{v:.digits$}"));
                    view! {
                        <tr>
                            <th scope="row" class=run_class(r.alpha)>{alpha_label(r.alpha)}</th>
                            <td
                                data-testid=if main { "train-loss".to_string() } else { format!("train-loss-{i}") }
                                data-value=loss.map(|v| v.to_string()).unwrap_or_default()
                            >
                                {fmt(loss, 4)}
                            </td>
                            <td data-testid=format!("train-active-{i}")>{fmt(active.map(|a| a * 100.0), 1)} "%"</td>
                            <td
                                data-testid=if main { "train-accuracy".to_string() } else { format!("train-accuracy-{i}") }
                                data-value=accuracy.map(|v| v.to_string()).unwrap_or_default()
                            >
                                {fmt(accuracy.map(|a| a * 100.0), 1)}
                                "%"
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="train-readouts" aria-live="off">
            <p class="train-step-line">
                <span>{ctx.t(Key::TrainStepLabel)} ": "</span>
                <strong data-testid="train-step-count" data-value=move || step().to_string()>{step}</strong>
                <span class="train-rate" data-testid="train-rate" data-value=move || ui.rate.get().map(|r| r.to_string())>
                    {move || ui.rate.get().map(|r| format!(" · {r:.1} {}", ctx.lang.get().t(Key::TrainRate)))}
                </span>
            </p>
            <table class="train-table">
                <thead>
                    <tr>
                        <th scope="col">{ctx.t(Key::TrainRun)}</th>
                        <th scope="col">{ctx.t(Key::TrainLossLabel)}</th>
                        <th scope="col">{ctx.t(Key::TrainActiveLabel)}</th>
                        <th scope="col">{ctx.t(Key::TrainAccuracyLabel)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Where training runs (`data-testid="train-backend"`, `data-value` =
/// `webgpu` or `cpu`) and, once the GPU failed mid-training, why training
/// went on on the CPU (`train-gpu-notice`).
#[component]
fn TrainBackendReadout(ui: TrainUi) -> impl IntoView {
    let ctx = use_ctx();
    let backend = move || ui.backend();
    let text = move || match backend() {
        TrainBackend::WebGpu => match ui.face_backend.map(|b| b.get()) {
            Some(Backend::WebGpu(adapter)) if !adapter.is_empty() => format!("WebGPU — {adapter}"),
            _ => "WebGPU".to_string(),
        },
        TrainBackend::Cpu => "CPU (WebAssembly SIMD)".to_string(),
    };
    let reason = move || short_reason(&ui.gpu_failed.get().unwrap_or_default());
    let text_of = move |k: Key| Signal::derive(move || ctx.lang.get().t(k).to_string());
    let device = Signal::derive(move || ui.device.get().value().to_string());
    let options = vec![
        (TrainDevice::Auto.value().to_string(), text_of(Key::TrainDeviceAuto)),
        (TrainDevice::WebGpu.value().to_string(), text_of(Key::TrainDeviceWebGpu)),
        (TrainDevice::Cpu.value().to_string(), text_of(Key::TrainDeviceCpu)),
    ];
    let pick = Callback::new(move |v: String| {
        if let Some(d) = TrainDevice::from_value(&v) {
            ui.device.set(d);
        }
    });
    // Automatic, on a software GPU: say why training runs on the CPU.
    let software =
        move || ui.device.get() == TrainDevice::Auto && ui.gpu_adapter().is_some_and(|a| is_software_adapter(&a));
    view! {
        <div class="train-settings">
            <Choice ctx=ctx label=Key::TrainDeviceLabel testid="train-device" value=device options=options on_pick=pick />
        </div>
        <Show when=software>
            <p class="hint" data-testid="train-software-gpu">{ctx.t(Key::TrainSoftwareGpu)}</p>
        </Show>
        <p class="backend">
            <span>{ctx.t(Key::TrainBackendLabel)} ": "</span>
            <strong data-testid="train-backend" data-value=move || backend().value()>{text}</strong>
        </p>
        <Show when=move || ui.gpu_failed.with(Option::is_some)>
            <p class="notice" role="status" data-testid="train-gpu-notice" title=move || ui.gpu_failed.get().unwrap_or_default()>
                {ctx.t(Key::TrainGpuFallback)} " " {reason}
            </p>
        </Show>
    }
}

/// The training card.
#[component]
pub fn TrainPanel() -> impl IntoView {
    let ctx = use_ctx();
    let model = use_face_model();
    let ui = TrainUi::new();
    // The guided lesson reads the progress and sets up the comparison.
    ctx.train.set(Some(ui));
    // Any setting, the comparison, the start or new faces: a new session at step 0.
    Effect::new(move |_| {
        ui.settings.track();
        ui.compare.track();
        ui.collapsed.track();
        if let Some(faces) = model.faces.get() {
            ui.rebuild(&faces);
        }
    });
    let running = move || ui.running.get();
    let runs = move || ui.snapshot.with(|s| s.runs.len());
    view! {
        <section class="card train-card" aria-labelledby="train-heading" data-testid="train-panel">
            <h2 id="train-heading">{ctx.t(Key::TrainHeading)}</h2>
            <p class="hint">{ctx.t(Key::TrainIntro)}</p>
            <Show
                when=move || ui.ready.get()
                fallback=move || view! { <p class="face-loading" data-testid="train-waiting">{ctx.t(Key::TrainWaiting)}</p> }
            >
                <div class="button-row train-buttons">
                    <button type="button" data-testid="train-start" prop:disabled=running on:click=move |_| ui.start()>
                        {ctx.t(Key::TrainStart)}
                    </button>
                    <button
                        type="button"
                        data-testid="train-pause"
                        prop:disabled=move || !running()
                        on:click=move |_| ui.pause()
                    >
                        {ctx.t(Key::TrainPause)}
                    </button>
                    <button type="button" data-testid="train-step" prop:disabled=running on:click=move |_| ui.single_step()>
                        {ctx.t(Key::TrainStep)}
                    </button>
                    <button type="button" data-testid="train-reset" on:click=move |_| ui.reset()>
                        {ctx.t(Key::TrainReset)}
                    </button>
                </div>
                <TrainSettings ui=ui />
                <TrainBackendReadout ui=ui />
                <TrainReadouts ui=ui />
                <Show when=move || ui.error.with(Option::is_some)>
                    <p class="notice error" role="alert" data-testid="train-error">
                        {ctx.t(Key::TrainError)} " " {move || ui.error.get().unwrap_or_default()}
                    </p>
                </Show>
                <TrainChart ui=ui />
                <div class="train-spheres">
                    <For each=move || 0..runs() key=|r| *r let:run>
                        <TrainSphere ui=ui run=run />
                    </For>
                </div>
                <p class="hint">{ctx.t(Key::TrainSphereCaption)}</p>
            </Show>
            <div class="train-explain" data-testid="train-explain">
                <h3>{ctx.t(Key::TrainExplainHeading)}</h3>
                <p>{ctx.t(Key::TrainExplainZero)}</p>
                <p>{ctx.t(Key::TrainExplainMargin)}</p>
                <p>{ctx.t(Key::TrainExplainCollapse)}</p>
            </div>
        </section>
    }
}
