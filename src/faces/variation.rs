//! What changes between the pictures of one person: the lighting, the pose
//! and the expression (the lesson's "different lighting, camera angle and
//! facial expression"), on a fixed schedule of twelve shots.

use super::rng::SplitMix64;
use serde::{Deserialize, Serialize};

/// Pictures per identity.
pub const SHOTS_PER_IDENTITY: usize = 12;
/// Seed of the variation schedule.
const VARIATION_SEED: u64 = 0x7661_7269_6174_696F;

/// The parameters of one picture.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variation {
    /// Direction the key light comes from, in degrees, counter-clockwise in
    /// the picture: 0 from the right, 90 from above, 180 from the left.
    pub light_angle_deg: f32,
    /// Strength of the directional light in `[0, 1]`: 0 is even lighting,
    /// 1 a bright lit side and a deep shadow side.
    pub light_strength: f32,
    /// Head turn in degrees; positive turns the face towards the picture's
    /// right (the features move right, the left ear shows more).
    pub yaw_deg: f32,
    /// Head tilt in degrees; positive rotates the head clockwise in the picture.
    pub roll_deg: f32,
    /// Smile in `[0, 1]`: 0 neutral, 1 a broad open smile.
    pub smile: f32,
    /// Eye openness in `[0, 1]`: 1 open, about 0.4 half-closed, 0 closed.
    pub eye_openness: f32,
}

impl Variation {
    /// The neutral, frontal, evenly lit portrait (shot 0 of every person).
    pub const NEUTRAL: Variation = Variation {
        light_angle_deg: 90.0,
        light_strength: 0.0,
        yaw_deg: 0.0,
        roll_deg: 0.0,
        smile: 0.0,
        eye_openness: 1.0,
    };

    /// True when every parameter is a finite number.
    pub fn is_finite(&self) -> bool {
        self.fields().iter().all(|(_, v)| v.is_finite())
    }

    /// The parameters with their manifest names, in manifest order.
    pub fn fields(&self) -> [(&'static str, f32); 6] {
        [
            ("light_angle_deg", self.light_angle_deg),
            ("light_strength", self.light_strength),
            ("yaw_deg", self.yaw_deg),
            ("roll_deg", self.roll_deg),
            ("smile", self.smile),
            ("eye_openness", self.eye_openness),
        ]
    }
}

/// Rounds to one decimal (angles) or two (amounts) for a readable manifest.
fn q1(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}
fn q2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// The variation of shot `shot` (`0..SHOTS_PER_IDENTITY`) of identity
/// `identity`. Every shot has a theme (one row of the atlas), jittered per
/// person:
///
/// | shot | theme |
/// |---|---|
/// | 0 | neutral, frontal, even light |
/// | 1, 2 | strong light from the left, from the right |
/// | 3, 4 | head turned left, right |
/// | 5 | head tilted, slight smile |
/// | 6 | broad smile |
/// | 7 | eyes closed |
/// | 8 | eyes half-closed, light from above or below |
/// | 9–11 | mixtures of everything |
pub fn variation(identity: usize, shot: usize) -> Variation {
    if shot == 0 {
        return Variation::NEUTRAL;
    }
    let mut rng = SplitMix64::for_item(VARIATION_SEED, (identity * SHOTS_PER_IDENTITY + shot) as u64);
    let mut v = Variation {
        light_angle_deg: rng.range(0.0, 360.0),
        light_strength: rng.range(0.0, 0.25),
        yaw_deg: rng.range(-4.0, 4.0),
        roll_deg: rng.range(-3.0, 3.0),
        smile: rng.range(0.0, 0.25),
        eye_openness: rng.range(0.85, 1.0),
    };
    match shot {
        1 | 2 => {
            v.light_angle_deg = if shot == 1 { 180.0 } else { 0.0 } + rng.range(-25.0, 25.0);
            v.light_strength = rng.range(0.75, 1.0);
        }
        3 | 4 => v.yaw_deg = if shot == 3 { -1.0 } else { 1.0 } * rng.range(20.0, 30.0),
        5 => {
            v.roll_deg = rng.sign() * rng.range(9.0, 15.0);
            v.smile = rng.range(0.25, 0.5);
        }
        6 => {
            v.smile = rng.range(0.85, 1.0);
            v.eye_openness = rng.range(0.7, 0.9);
        }
        7 => v.eye_openness = rng.range(0.0, 0.05),
        8 => {
            v.eye_openness = rng.range(0.35, 0.55);
            v.light_angle_deg = if rng.chance(0.7) { 90.0 } else { 270.0 } + rng.range(-30.0, 30.0);
            v.light_strength = rng.range(0.5, 0.8);
        }
        _ => {
            v.yaw_deg = rng.range(-25.0, 25.0);
            v.roll_deg = rng.range(-10.0, 10.0);
            v.smile = rng.range(0.0, 1.0);
            v.eye_openness = rng.pick(&[1.0, 0.9, 0.5, 0.0]);
            v.light_strength = rng.range(0.3, if shot == 11 { 1.0 } else { 0.7 });
        }
    }
    Variation {
        light_angle_deg: q1(v.light_angle_deg.rem_euclid(360.0)),
        light_strength: q2(v.light_strength),
        yaw_deg: q1(v.yaw_deg),
        roll_deg: q1(v.roll_deg),
        smile: q2(v.smile),
        eye_openness: q2(v.eye_openness),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shot_zero_is_the_neutral_portrait() {
        for id in 0..24 {
            assert_eq!(variation(id, 0), Variation::NEUTRAL);
        }
    }

    #[test]
    fn parameters_stay_in_their_ranges() {
        for id in 0..24 {
            for shot in 0..SHOTS_PER_IDENTITY {
                let v = variation(id, shot);
                assert!(v.is_finite());
                assert!((0.0..360.0).contains(&v.light_angle_deg), "{v:?}");
                assert!((0.0..=1.0).contains(&v.light_strength), "{v:?}");
                assert!(v.yaw_deg.abs() <= 30.0 && v.roll_deg.abs() <= 15.0, "{v:?}");
                assert!((0.0..=1.0).contains(&v.smile) && (0.0..=1.0).contains(&v.eye_openness), "{v:?}");
            }
        }
    }

    #[test]
    fn themed_shots_show_their_theme() {
        for id in 0..24 {
            assert!(variation(id, 1).light_strength >= 0.75);
            assert!(variation(id, 3).yaw_deg <= -20.0 && variation(id, 4).yaw_deg >= 20.0);
            assert!(variation(id, 5).roll_deg.abs() >= 9.0);
            assert!(variation(id, 6).smile >= 0.85);
            assert!(variation(id, 7).eye_openness <= 0.05);
        }
    }

    #[test]
    fn non_finite_values_are_detected() {
        let v = Variation { smile: f32::NAN, ..Variation::NEUTRAL };
        assert!(!v.is_finite());
        assert!(Variation::NEUTRAL.is_finite());
    }
}
