//! The guided lesson: the seed lesson as a sequence of steps. Each step sets
//! up the scene it talks about, asks for one concrete action and recognises
//! when the student has done it. Steps are numbered from 1 (the URL keeps
//! the step as `step=N`); 0 means the lesson has not started.

use super::presets::Preset;
use super::scene::Scene;
use crate::geom::regions::{classify, NegativeClass};
use crate::i18n::Key;
use crate::loss::multi::KmEvaluation;

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
    /// Whether the student has done the action.
    pub check: fn(&Scene, &KmEvaluation) -> bool,
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
pub const STEPS: [LessonStep; 7] = [
    LessonStep {
        title: Key::LessonFormulaTitle,
        body: Key::LessonFormulaBody,
        task: Key::LessonFormulaTask,
        done: Key::LessonFormulaDone,
        setup: |s| off_sphere(s, Preset::Start),
        check: |s, _| s.preset == Preset::Custom,
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
        check: |s, e| s.alpha >= 0.195 && e.sum > 0.0,
    },
    LessonStep {
        title: Key::LessonHardTitle,
        body: Key::LessonHardBody,
        task: Key::LessonHardTask,
        done: Key::LessonHardDone,
        setup: |s| off_sphere(s, Preset::Start),
        check: |s, e| class_of_n1(s, e) == Some(NegativeClass::Hard),
    },
    LessonStep {
        title: Key::LessonEasyTitle,
        body: Key::LessonEasyBody,
        task: Key::LessonEasyTask,
        done: Key::LessonEasyDone,
        setup: |s| off_sphere(s, Preset::Start),
        check: |_, e| e.sum == 0.0,
    },
    LessonStep {
        title: Key::LessonManyTitle,
        body: Key::LessonManyBody,
        task: Key::LessonManyTask,
        done: Key::LessonManyDone,
        setup: |s| off_sphere(s, Preset::OneHard),
        check: |s, _| s.negatives.len() >= 5,
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
        check: |s, _| s.faces.positives.iter().flatten().count() >= 2,
    },
    LessonStep {
        title: Key::LessonDescentTitle,
        body: Key::LessonDescentBody,
        task: Key::LessonDescentTask,
        done: Key::LessonDescentDone,
        setup: |s| off_sphere(s, Preset::WorkedExample),
        check: |s, e| e.sum == 0.0 && s.preset == Preset::Custom,
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
        (step(n).unwrap().check)(s, &s.evaluate())
    }

    #[test]
    fn no_step_is_done_before_the_student_acts() {
        for n in 1..=STEPS.len() as u32 {
            assert!(!done(n, &set_up(n)), "step {n} is done at once");
        }
        assert!(step(0).is_none() && step(8).is_none());
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
    }
}
