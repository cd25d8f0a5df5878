//! The cast: 24 people, their names and their traits, derived from fixed
//! seeds. Each name carries a few hints (presentation, a skin-tone range,
//! likely hair colours) so the people look plausible; everything else is
//! drawn from the PRNG, with the hair styles dealt from shuffled decks so no
//! two people look alike.

use super::colour::Rgb;
use super::rng::SplitMix64;
use super::traits::{EyeShape, FacialHair, Glasses, GlassesShape, HairStyle, HeadShape, Identity, Traits};

/// Number of identities in the generated set.
pub const IDENTITY_COUNT: usize = 24;
/// Identities `HELD_OUT_FROM..IDENTITY_COUNT` are held out from training.
pub const HELD_OUT_FROM: usize = 18;
/// Seed of the cast (change it and every face changes).
const CAST_SEED: u64 = 0x7269_706C_6574_2031;

/// Skin tones from very light to very deep.
const SKIN: [Rgb; 11] = [
    Rgb(250, 222, 204),
    Rgb(243, 208, 180),
    Rgb(236, 194, 158),
    Rgb(226, 180, 140),
    Rgb(212, 162, 118),
    Rgb(196, 142, 100),
    Rgb(172, 120, 82),
    Rgb(146, 98, 64),
    Rgb(118, 78, 52),
    Rgb(94, 61, 42),
    Rgb(74, 48, 34),
];

const BLACK: Rgb = Rgb(30, 26, 26);
const SOFT_BLACK: Rgb = Rgb(48, 38, 34);
const DARK_BROWN: Rgb = Rgb(70, 46, 32);
const BROWN: Rgb = Rgb(108, 72, 44);
const CHESTNUT: Rgb = Rgb(132, 76, 42);
const GINGER: Rgb = Rgb(190, 98, 48);
const BLONDE: Rgb = Rgb(220, 186, 120);
const GREY: Rgb = Rgb(150, 148, 146);
const SILVER: Rgb = Rgb(208, 206, 200);

const VIET_HAIR: &[Rgb] = &[BLACK, BLACK, SOFT_BLACK, SOFT_BLACK, DARK_BROWN, BROWN, GREY];
const DARK_HAIR: &[Rgb] = &[BLACK, SOFT_BLACK];
const EURO_HAIR: &[Rgb] = &[BROWN, CHESTNUT, BLONDE, GINGER, DARK_BROWN];

/// Scarf colours for [`HairStyle::Headscarf`].
const SCARVES: &[Rgb] = &[Rgb(46, 94, 140), Rgb(150, 52, 78), Rgb(64, 120, 96)];
/// Glasses frame colours.
const FRAMES: &[Rgb] = &[Rgb(28, 28, 32), Rgb(92, 58, 36), Rgb(176, 140, 70), Rgb(150, 40, 48)];
/// Iris colours (mostly brown).
const DARK_IRIS: &[Rgb] = &[Rgb(46, 30, 22), Rgb(66, 42, 28), Rgb(38, 26, 20)];
const LIGHT_IRIS: &[Rgb] = &[Rgb(70, 110, 150), Rgb(84, 112, 70), Rgb(100, 72, 44)];

/// A name and the hints that keep the person plausible.
struct Member {
    name: &'static str,
    feminine: bool,
    skin: (usize, usize),
    hair: &'static [Rgb],
    light_eyes: bool,
    style: Option<HairStyle>,
}

const fn m(name: &'static str, feminine: bool, skin: (usize, usize), hair: &'static [Rgb]) -> Member {
    Member { name, feminine, skin, hair, light_eyes: false, style: None }
}

/// The 24 people, in identity order; the last six are held out.
const CAST: [Member; IDENTITY_COUNT] = [
    m("Lan", true, (1, 4), VIET_HAIR),
    m("Minh", false, (2, 5), VIET_HAIR),
    m("Amara", true, (8, 10), DARK_HAIR),
    m("Hùng", false, (3, 6), VIET_HAIR),
    m("Mai", true, (1, 4), VIET_HAIR),
    m("Diego", false, (4, 6), &[DARK_BROWN, BLACK, BROWN]),
    m("Thảo", true, (2, 5), VIET_HAIR),
    m("Quang", false, (2, 5), VIET_HAIR),
    Member { light_eyes: true, ..m("Sofia", true, (0, 2), EURO_HAIR) },
    m("Tuấn", false, (3, 6), VIET_HAIR),
    m("Hương", true, (1, 4), VIET_HAIR),
    m("Kenji", false, (1, 3), DARK_HAIR),
    m("Linh", true, (2, 5), VIET_HAIR),
    m("Dũng", false, (3, 6), VIET_HAIR),
    m("Ngọc", true, (1, 4), VIET_HAIR),
    m("Phúc", false, (2, 5), VIET_HAIR),
    Member { style: Some(HairStyle::Headscarf), ..m("Fatima", true, (5, 7), DARK_HAIR) },
    m("Khoa", false, (2, 5), VIET_HAIR),
    m("Trang", true, (1, 4), VIET_HAIR),
    Member { light_eyes: true, ..m("Oliver", false, (0, 1), &[GINGER, BLONDE, BROWN]) },
    m("Nia", true, (9, 10), DARK_HAIR),
    m("Bảo", false, (2, 5), VIET_HAIR),
    m("Hà", true, (1, 4), &[SILVER, GREY]),
    m("Long", false, (3, 6), VIET_HAIR),
];

const FEMININE_STYLES: [HairStyle; 6] =
    [HairStyle::Long, HairStyle::Bob, HairStyle::Bun, HairStyle::Fringe, HairStyle::Pixie, HairStyle::LongCurly];
const MASCULINE_STYLES: [HairStyle; 6] =
    [HairStyle::Crop, HairStyle::Buzz, HairStyle::Bald, HairStyle::Quiff, HairStyle::Spiky, HairStyle::Curly];

/// All identities of the generated set, in id order.
pub fn cast() -> Vec<Identity> {
    let mut deck_rng = SplitMix64::for_item(CAST_SEED, u64::MAX);
    let mut fem_deck = FEMININE_STYLES.to_vec();
    let mut masc_deck = MASCULINE_STYLES.to_vec();
    deck_rng.shuffle(&mut fem_deck);
    deck_rng.shuffle(&mut masc_deck);
    let mut glasses_deck: Vec<bool> = (0..IDENTITY_COUNT).map(|i| i.is_multiple_of(3)).collect();
    deck_rng.shuffle(&mut glasses_deck);
    let (mut fem_next, mut masc_next) = (0, 0);
    let mut people: Vec<Identity> = Vec::with_capacity(IDENTITY_COUNT);
    for (id, member) in CAST.iter().enumerate() {
        let deck_style = if member.feminine {
            fem_next += 1;
            fem_deck[(fem_next - 1) % fem_deck.len()]
        } else {
            masc_next += 1;
            masc_deck[(masc_next - 1) % masc_deck.len()]
        };
        let style = member.style.unwrap_or(deck_style);
        let mut rng = SplitMix64::for_item(CAST_SEED, id as u64);
        // Draw again (deterministically) while someone earlier looks alike.
        let mut traits = traits_for(member, style, glasses_deck[id], &mut rng);
        for _ in 0..64 {
            if !people.iter().any(|p| look_alike(&p.traits, &traits)) {
                break;
            }
            traits = traits_for(member, style, glasses_deck[id], &mut rng);
        }
        people.push(Identity { id, name: member.name.to_string(), held_out: id >= HELD_OUT_FROM, traits });
    }
    people
}

/// Two people are too alike when they share the hair style, the facial hair
/// and the glasses (or none), and their hair is about as dark.
pub fn look_alike(a: &Traits, b: &Traits) -> bool {
    a.hair_style == b.hair_style
        && a.facial_hair == b.facial_hair
        && a.glasses.is_some() == b.glasses.is_some()
        && (a.hair_colour.luma() - b.hair_colour.luma()).abs() < 0.15
}

/// Rounds to two decimals so the manifest stays readable.
fn r2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

fn traits_for(member: &Member, hair_style: HairStyle, glasses: bool, rng: &mut SplitMix64) -> Traits {
    let head_shape =
        rng.pick(&[HeadShape::Oval, HeadShape::Round, HeadShape::Long, HeadShape::Square, HeadShape::Heart]);
    let (w, h, jaw, chin) = match head_shape {
        HeadShape::Oval => (0.49, 0.62, 0.70, 0.30),
        HeadShape::Round => (0.53, 0.60, 0.80, 0.38),
        HeadShape::Long => (0.46, 0.65, 0.72, 0.32),
        HeadShape::Square => (0.51, 0.62, 0.88, 0.50),
        HeadShape::Heart => (0.51, 0.62, 0.60, 0.22),
    };
    let (lo, hi) = member.skin;
    let skin_index = lo + rng.below(hi - lo + 1);
    let skin = SKIN[skin_index].mix(SKIN[(skin_index + 1).min(SKIN.len() - 1)], rng.range(0.0, 0.4));
    let mut hair_colour = rng.pick(member.hair);
    if hair_style == HairStyle::Headscarf {
        hair_colour = rng.pick(SCARVES);
    }
    let brow_colour = if hair_style == HairStyle::Headscarf || hair_colour.luma() < 0.35 {
        hair_colour.mix(BLACK, 0.3)
    } else {
        hair_colour.scale(0.7)
    };
    let brow_colour = if hair_style == HairStyle::Headscarf { SOFT_BLACK } else { brow_colour };
    let iris = if member.light_eyes { rng.pick(LIGHT_IRIS) } else { rng.pick(DARK_IRIS) };
    let lip_base = if member.feminine { Rgb(196, 92, 98) } else { Rgb(176, 108, 96) };
    let lip_colour = skin.mix(lip_base, if member.feminine { 0.65 } else { 0.45 }).scale(rng.range(0.88, 1.0));
    let facial_hair = if member.feminine {
        FacialHair::None
    } else {
        rng.pick(&[
            FacialHair::None,
            FacialHair::None,
            FacialHair::Stubble,
            FacialHair::Moustache,
            FacialHair::Goatee,
            FacialHair::FullBeard,
        ])
    };
    let glasses = glasses.then(|| Glasses {
        shape: rng.pick(&[GlassesShape::Round, GlassesShape::Rectangular]),
        frame: rng.pick(FRAMES),
    });
    Traits {
        head_shape,
        head_width: r2(w * rng.range(0.96, 1.04)),
        head_height: r2(h * rng.range(0.97, 1.03)),
        jaw_width: r2(jaw * rng.range(0.95, 1.05)),
        chin_width: r2(chin * rng.range(0.9, 1.1)),
        skin,
        hair_style,
        hair_colour,
        eye_shape: rng.pick(&[EyeShape::Almond, EyeShape::Round, EyeShape::Narrow, EyeShape::Hooded]),
        eye_spacing: r2(rng.range(0.38, 0.47)),
        eye_size: r2(rng.range(0.18, 0.22)),
        iris,
        brow_thickness: r2(rng.range(0.03, 0.06) * if member.feminine { 0.8 } else { 1.0 }),
        brow_angle_deg: (rng.range(-10.0, 12.0)).round(),
        brow_colour,
        nose_length: r2(rng.range(0.22, 0.31)),
        nose_width: r2(rng.range(0.2, 0.3)),
        mouth_width: r2(rng.range(0.36, 0.5)),
        lip_colour,
        glasses,
        facial_hair,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_last_six_held_out() {
        let people = cast();
        assert_eq!(people.len(), IDENTITY_COUNT);
        for (i, p) in people.iter().enumerate() {
            assert_eq!(p.id, i);
            assert_eq!(p.held_out, i >= 18, "{}", p.name);
            assert!(people.iter().filter(|q| q.name == p.name).count() == 1, "{} twice", p.name);
        }
        assert!(people.iter().any(|p| !p.name.is_ascii()), "diacritics kept");
    }

    #[test]
    fn cast_is_deterministic() {
        assert_eq!(cast(), cast());
    }

    #[test]
    fn no_two_people_look_alike() {
        let people = cast();
        for a in &people {
            for b in people.iter().filter(|b| b.id > a.id) {
                assert!(!look_alike(&a.traits, &b.traits), "{} and {} look alike", a.name, b.name);
            }
        }
    }

    #[test]
    fn traits_vary_across_the_cast() {
        let people = cast();
        let count = |f: &dyn Fn(&Traits) -> bool| people.iter().filter(|p| f(&p.traits)).count();
        assert!(count(&|t| t.glasses.is_some()) >= 4);
        assert!(count(&|t| t.facial_hair != FacialHair::None) >= 4);
        assert!(count(&|t| t.skin.luma() < 0.4) >= 2, "some dark skin tones");
        assert!(count(&|t| t.skin.luma() > 0.75) >= 2, "some light skin tones");
        let styles: std::collections::HashSet<_> =
            people.iter().map(|p| format!("{:?}", p.traits.hair_style)).collect();
        assert!(styles.len() >= 10, "{styles:?}");
    }
}
