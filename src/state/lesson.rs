//! The guided lesson: the seed lesson as a sequence of steps. Each step sets
//! up the scene it talks about, asks for one concrete action and recognises
//! when the student has done it. Steps are numbered from 1 (the URL keeps
//! the step as `step=N`); 0 means the lesson has not started.
//!
//! A step's check sees a [`LessonContext`]: the scene, its evaluation and,
//! when the page has a training panel, a [`TrainingProgress`] summary (the
//! UI copies it out of the panel; this module knows nothing of the UI).

use super::presets::Preset;
use super::scene::Scene;
use crate::geom::regions::{classify, NegativeClass};
use crate::i18n::Key;
use crate::loss::multi::KmEvaluation;

/// Steps of the comparison (α = 0 beside α = 0.2) the training step asks for.
pub const TRAINING_STEPS_ASKED: u64 = 20;

/// One training run as the lesson sees it: its margin and latest numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RunProgress {
    /// The run's margin α.
    pub alpha: f32,
    /// Batch loss of the latest step (`None` before the first step).
    pub loss: Option<f64>,
    /// Latest held-out verification accuracy, in [0, 1].
    pub accuracy: Option<f64>,
}

/// What the lesson sees of the training panel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainingProgress {
    /// Training steps taken since the session was (re)built or reset.
    pub steps: u64,
    /// Whether α = 0 and α = 0.2 run side by side.
    pub compare: bool,
    /// Each run, in the panel's order (α = 0 first when comparing).
    pub runs: Vec<RunProgress>,
}

impl TrainingProgress {
    /// The run with margin `alpha`, if there is one.
    pub fn run(&self, alpha: f32) -> Option<&RunProgress> {
        self.runs.iter().find(|r| (r.alpha - alpha).abs() < 1e-6)
    }
}

/// Everything a step's check may look at.
#[derive(Clone, Copy)]
pub struct LessonContext<'a> {
    /// The scene.
    pub scene: &'a Scene,
    /// Its loss evaluation.
    pub eval: &'a KmEvaluation,
    /// The training panel's progress, when the page has the panel.
    pub training: Option<&'a TrainingProgress>,
}

/// One step of the guided lesson.
#[derive(Clone, Copy)]
pub struct LessonStep {
    /// Heading.
    pub title: Key,
    /// What the step explains.
    pub body: Key,
    /// The action the student is invited to take.
    pub task: Key,
    /// Shown once the action is done.
    pub done: Key,
    /// Sets up the scene the step talks about.
    pub setup: fn(&mut Scene),
    /// Whether the step also sets up the training panel (comparison of
    /// α = 0 and α = 0.2 from step 0) and shows its live numbers.
    pub uses_training: bool,
    /// Whether the student has done the action.
    pub check: fn(&LessonContext) -> bool,
}

/// Whether the comparison has run at least [`TRAINING_STEPS_ASKED`] steps.
fn compared_long_enough(c: &LessonContext) -> bool {
    c.training
        .is_some_and(|t| t.compare && t.steps >= TRAINING_STEPS_ASKED && t.run(0.0).is_some() && t.run(0.2).is_some())
}

fn class_of_n1(scene: &Scene, e: &KmEvaluation) -> Option<NegativeClass> {
    let d_ap = *e.d_ap.get(scene.ring_positive.min(e.k().saturating_sub(1)))?;
    Some(classify(d_ap, *e.d_an.first()?, e.alpha))
}

/// Applies a preset keeping the student's dimension and convention but not
/// unit-sphere mode (which would move the lesson's exact numbers), e.g. when
/// coming back from the faces step.
fn off_sphere(scene: &mut Scene, preset: Preset) {
    scene.unit_sphere = false;
    preset.apply(scene);
}

/// The steps, in order.
pub const STEPS: [LessonStep; 8] = [
    LessonStep {
        title: Key::LessonFormulaTitle,
        body: Key::LessonFormulaBody,
        task: Key::LessonFormulaTask,
        done: Key::LessonFormulaDone,
        setup: |s| off_sphere(s, Preset::Start),
        uses_training: false,
        check: |c| c.scene.preset == Preset::Custom,
    },
    LessonStep {
        title: Key::LessonWorkedTitle,
        body: Key::LessonWorkedBody,
        task: Key::LessonWorkedTask,
        done: Key::LessonWorkedDone,
        setup: |s| {
            off_sphere(s, Preset::WorkedExample);
            s.set_alpha(0.0);
        },
        uses_training: false,
        check: |c| c.scene.alpha >= 0.195 && c.eval.sum > 0.0,
    },
    LessonStep {
        title: Key::LessonHardTitle,
        body: Key::LessonHardBody,
        task: Key::LessonHardTask,
        done: Key::LessonHardDone,
        setup: |s| off_sphere(s, Preset::Start),
        uses_training: false,
        check: |c| class_of_n1(c.scene, c.eval) == Some(NegativeClass::Hard),
    },
    LessonStep {
        title: Key::LessonEasyTitle,
        body: Key::LessonEasyBody,
        task: Key::LessonEasyTask,
        done: Key::LessonEasyDone,
        setup: |s| off_sphere(s, Preset::Start),
        uses_training: false,
        check: |c| c.eval.sum == 0.0,
    },
    LessonStep {
        title: Key::LessonManyTitle,
        body: Key::LessonManyBody,
        task: Key::LessonManyTask,
        done: Key::LessonManyDone,
        setup: |s| off_sphere(s, Preset::OneHard),
        uses_training: false,
        check: |c| c.scene.negatives.len() >= 5,
    },
    LessonStep {
        title: Key::LessonFacesTitle,
        body: Key::LessonFacesBody,
        task: Key::LessonFacesTask,
        done: Key::LessonFacesDone,
        setup: |s| {
            Preset::WorkedExampleFaces.apply(s);
            s.set_alpha(0.0);
        },
        uses_training: false,
        check: |c| c.scene.faces.positives.iter().flatten().count() >= 2,
    },
    LessonStep {
        title: Key::LessonDescentTitle,
        body: Key::LessonDescentBody,
        task: Key::LessonDescentTask,
        done: Key::LessonDescentDone,
        setup: |s| off_sphere(s, Preset::WorkedExample),
        uses_training: false,
        check: |c| c.eval.sum == 0.0 && c.scene.preset == Preset::Custom,
    },
    LessonStep {
        title: Key::LessonTrainTitle,
        body: Key::LessonTrainBody,
        task: Key::LessonTrainTask,
        done: Key::LessonTrainDone,
        setup: |s| {
            off_sphere(s, Preset::WorkedExample);
            s.set_alpha(0.2);
        },
        uses_training: true,
        check: compared_long_enough,
    },
];

/// The step with 1-based number `n`, if it exists.
pub fn step(n: u32) -> Option<&'static LessonStep> {
    (n as usize).checked_sub(1).and_then(|i| STEPS.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::descent::LEARNING_RATE_DEFAULT;
    use crate::state::PointId;

    fn set_up(n: u32) -> Scene {
        let mut s = Scene::default();
        (step(n).unwrap().setup)(&mut s);
        s
    }

    fn done(n: u32, s: &Scene) -> bool {
        done_with(n, s, None)
    }

    fn done_with(n: u32, s: &Scene, training: Option<&TrainingProgress>) -> bool {
        (step(n).unwrap().check)(&LessonContext { scene: s, eval: &s.evaluate(), training })
    }

    fn comparison(steps: u64) -> TrainingProgress {
        let run = |alpha| RunProgress { alpha, loss: (steps > 0).then_some(0.1), accuracy: Some(0.8) };
        TrainingProgress { steps, compare: true, runs: vec![run(0.0), run(0.2)] }
    }

    #[test]
    fn no_step_is_done_before_the_student_acts() {
        for n in 1..=STEPS.len() as u32 {
            assert!(!done(n, &set_up(n)), "step {n} is done at once");
        }
        assert!(step(0).is_none() && step(9).is_none());
        assert!(!done_with(8, &set_up(8), Some(&comparison(0))), "step 8 at training step 0");
    }

    #[test]
    fn each_step_is_done_by_its_action() {
        let mut s = set_up(1);
        s.nudge(PointId::Negative(0), 0.01, 0.0);
        assert!(done(1, &s));

        let mut s = set_up(2);
        s.set_alpha(0.2);
        assert!(done(2, &s));

        let mut s = set_up(3);
        s.set_point(PointId::Negative(0), [0.1, 0.1, 0.0]);
        assert!(done(3, &s));

        let mut s = set_up(4);
        s.set_point(PointId::Negative(0), [-1.5, -1.0, 0.0]);
        assert!(done(4, &s));

        let mut s = set_up(5);
        s.resize_set(crate::state::PointSet::Negatives, 5);
        assert!(done(5, &s));

        let mut s = set_up(6);
        assert_eq!(s.evaluate().sum, 0.0, "the faces example starts at α = 0: loss 0");
        let ex = crate::state::face_scene::faces_worked_example();
        s.assign_face(crate::state::FaceRole::Positive, ex.anchor + 1, [0.0, 1.0, 0.0]);
        assert!(done(6, &s));

        let mut s = set_up(7);
        while s.evaluate().sum > 0.0 {
            s.gradient_step(LEARNING_RATE_DEFAULT);
        }
        assert!(done(7, &s));

        let s = set_up(8);
        assert!(!done_with(8, &s, Some(&comparison(TRAINING_STEPS_ASKED - 1))));
        assert!(done_with(8, &s, Some(&comparison(TRAINING_STEPS_ASKED))));
    }

    #[test]
    fn the_training_step_needs_the_comparison_and_a_training_panel() {
        let s = set_up(8);
        assert!((s.evaluate().sum - 0.19).abs() < 1e-4, "the worked example at α = 0.2: 0.5 − 0.51 + 0.2");
        assert!(!done_with(8, &s, None), "no training panel");
        let mut single = comparison(50);
        single.compare = false;
        single.runs.truncate(1);
        assert!(!done_with(8, &s, Some(&single)), "a single run is not the comparison");
        let mut other = comparison(50);
        other.runs[1].alpha = 0.5;
        assert!(!done_with(8, &s, Some(&other)), "the comparison must be α = 0 beside α = 0.2");
        assert!(done_with(8, &s, Some(&comparison(50))));
        assert_eq!(comparison(50).run(0.2).map(|r| r.alpha), Some(0.2));
        assert!(comparison(50).run(0.1).is_none());
    }
}
