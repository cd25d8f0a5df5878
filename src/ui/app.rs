//! The page layout: header (title, language, preset), the plot with its
//! legend, the controls and live numbers, and the lesson beside them.

use leptos::prelude::*;

use super::browser;
use super::context::Ctx;
use super::conventions::Conventions;
use super::coords::CoordinateEditor;
use super::data_table::DataTable;
use super::descent::DescentControl;
use super::display::{apply_display_modes, DisplaySwitches};
use super::export::ExportPanel;
use super::face_gallery::FacePanel;
use super::face_model::FaceModel;
use super::guided::GuidedLesson;
use super::heatmap::Heatmap;
use super::legend::Legend;
use super::lesson::{FormulaPanel, MultiSection, WorkedExample};
use super::margin::MarginControl;
use super::plot::PlotView;
use super::readouts::Readouts;
use super::reductions::Reductions;
use super::sets::SetsControl;
use super::toolbar::ViewToolbar;
use super::train_panel::TrainPanel;
use super::url_sync::{link_language, read_location, sync_url_with_scene, CopyLink, UrlNoticeBanner};
use crate::i18n::{Key, Lang};
use crate::state::Preset;

/// Language picker (`data-testid="lang"`, values `vi` and `en`).
#[component]
fn LanguagePicker(ctx: Ctx) -> impl IntoView {
    view! {
        <label class="picker">
            <span>{ctx.t(Key::Language)}</span>
            <select
                data-testid="lang"
                prop:value=move || ctx.lang.get().code()
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        ctx.lang.set(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Preset picker (`data-testid="preset"`).
#[component]
fn PresetPicker(ctx: Ctx) -> impl IntoView {
    view! {
        <label class="picker">
            <span>{ctx.t(Key::PresetLabel)}</span>
            <select
                data-testid="preset"
                prop:value=move || ctx.scene.with(|s| s.preset.value())
                on:change=move |ev| {
                    if let Some(p) = Preset::from_value(&event_target_value(&ev)) {
                        if p != Preset::Custom {
                            ctx.playing.set(false);
                            ctx.steps_taken.set(0);
                            ctx.explained.set(p);
                            ctx.scene.update(|s| p.apply(s));
                        }
                    }
                }
            >
                {Preset::ALL
                    .into_iter()
                    .map(|p| view! { <option value=p.value()>{ctx.t(p.label())}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The explanation of the preset chosen last, if it has one.
#[component]
fn PresetExplanation() -> impl IntoView {
    let ctx = super::context::use_ctx();
    let key = move || ctx.explained.get().explanation();
    view! {
        <Show when=move || key().is_some()>
            <section class="card explanation keep-in-presentation" data-testid="preset-explanation">
                <h2>{ctx.t(Key::ExplainHeading)}</h2>
                <p class="explain-title">{move || ctx.lang.get().t(ctx.explained.get().label())}</p>
                <p>{move || key().map(|k| ctx.lang.get().t(k)).unwrap_or("")}</p>
            </section>
        </Show>
    }
}

/// The whole app. Reads the remembered or browser language on start.
#[component]
pub fn App() -> impl IntoView {
    let stored = browser::stored_language();
    let browser_langs = browser::browser_languages();
    let from_link = read_location();
    // A shared link's language wins, then the remembered one, then the browser's.
    let lang = link_language(&from_link)
        .unwrap_or_else(|| Lang::initial(stored.as_deref(), browser_langs.iter().map(String::as_str)));
    let notices: Vec<String> = from_link.notices.iter().map(ToString::to_string).collect();
    let ctx = Ctx::new(from_link.state.scene, lang);
    provide_context(ctx);
    FaceModel::provide();
    // A deep link to a lesson step opens that step (its scene comes from the link).
    ctx.lesson_step.set(from_link.state.lesson_step.unwrap_or(0).min(crate::state::lesson::STEPS.len() as u32));
    sync_url_with_scene();
    apply_display_modes();

    Effect::new(move |_| {
        let lang = ctx.lang.get();
        browser::set_document_language(lang.code(), lang.t(Key::AppTitle));
        browser::store_language(lang.code());
    });

    view! {
        <header class="app-header">
            <div class="title">
                <h1>{ctx.t(Key::AppTitle)}</h1>
                <p class="tagline">{ctx.t(Key::Tagline)}</p>
            </div>
            <div class="header-controls">
                <PresetPicker ctx=ctx />
                <LanguagePicker ctx=ctx />
                <CopyLink />
                <DisplaySwitches />
            </div>
        </header>
        <UrlNoticeBanner notices=notices />
        <main class="layout">
            <div class="main-column">
                <section class="card plot-card">
                    <ViewToolbar />
                    <PlotView />
                    <Legend />
                    <p class="hint" id="handle-help">{ctx.t(Key::HandleHelp)}</p>
                    <Heatmap />
                </section>
                <FacePanel />
                <TrainPanel />
            </div>
            <div class="side">
                <GuidedLesson />
                <PresetExplanation />
                <section class="card keep-in-presentation">
                    <MarginControl />
                </section>
                <Readouts />
                <Reductions />
                <SetsControl />
                <DescentControl />
                <Conventions />
                <CoordinateEditor />
                <DataTable />
                <ExportPanel />
            </div>
            <div class="lesson-column">
                <FormulaPanel />
                <WorkedExample />
                <MultiSection />
            </div>
        </main>
        <footer class="app-footer">
            <p>{ctx.t(Key::FooterNote)}</p>
        </footer>
    }
}
