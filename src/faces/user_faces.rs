//! [`UserFaces`]: the photos a user brought, each a 48×48 thumbnail with the
//! name of the person in it. Photos with the same name are one identity.
//! [`crate::faces::FaceSet::with_user_photos`] appends them to the bundled
//! faces, so they are embedded, can take the roles A, P and N, and are
//! trained on.

use super::photo_error::PhotoError;
use super::THUMB_SIDE;

/// Most characters in a person's name.
pub const MAX_NAME_CHARS: usize = 40;
/// Most user photos at once.
pub const MAX_USER_PHOTOS: usize = 60;
/// A user identity joins the training data once it has this many photos
/// (a triplet needs two pictures of the anchor's person); with fewer it is
/// held out like the bundled test people.
pub const MIN_PHOTOS_TO_TRAIN: usize = 2;

/// One photo: the cleaned name of the person and the thumbnail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserPhoto {
    /// The person's name as typed (spaces trimmed and collapsed).
    pub name: String,
    /// 48×48 straight RGBA8, row-major, opaque.
    pub rgba: Vec<u8>,
}

/// A person among the user photos, in order of first appearance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserPerson {
    /// The name as first typed.
    pub name: String,
    /// Indices into [`UserFaces::photos`], in order.
    pub photos: Vec<usize>,
}

impl UserPerson {
    /// Whether this person's photos are trained on
    /// (at least [`MIN_PHOTOS_TO_TRAIN`]).
    pub fn trains(&self) -> bool {
        self.photos.len() >= MIN_PHOTOS_TO_TRAIN
    }
}

/// The user's photos, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserFaces {
    photos: Vec<UserPhoto>,
}

/// Cleans a typed name: trims it and collapses runs of white space and
/// control characters into one space. Empty → [`PhotoError::NameEmpty`];
/// over [`MAX_NAME_CHARS`] characters → [`PhotoError::NameTooLong`].
pub fn clean_name(typed: &str) -> Result<String, PhotoError> {
    let words: Vec<&str> =
        typed.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()).collect();
    let name = words.join(" ");
    let chars = name.chars().count();
    if chars == 0 {
        Err(PhotoError::NameEmpty)
    } else if chars > MAX_NAME_CHARS {
        Err(PhotoError::NameTooLong { chars, max: MAX_NAME_CHARS })
    } else {
        Ok(name)
    }
}

/// The key two names must share to be the same person: the cleaned name,
/// lower-cased ("an", "An" and " AN " are one person).
fn same_person_key(name: &str) -> String {
    name.to_lowercase()
}

impl UserFaces {
    /// No photos.
    pub fn new() -> UserFaces {
        UserFaces::default()
    }

    /// The photos in the order they were added.
    pub fn photos(&self) -> &[UserPhoto] {
        &self.photos
    }

    /// Number of photos.
    pub fn len(&self) -> usize {
        self.photos.len()
    }

    /// Whether there is no photo.
    pub fn is_empty(&self) -> bool {
        self.photos.is_empty()
    }

    /// Adds a photo of the person `typed_name` (see [`clean_name`]) and
    /// returns its index. A name equal to an earlier one (ignoring case and
    /// extra spaces) adds to that person, spelled as first typed.
    pub fn add(&mut self, typed_name: &str, rgba: Vec<u8>) -> Result<usize, PhotoError> {
        let name = clean_name(typed_name)?;
        let expected = THUMB_SIDE * THUMB_SIDE * 4;
        if rgba.len() != expected {
            return Err(PhotoError::PixelCount { expected, found: rgba.len() });
        }
        if self.photos.len() >= MAX_USER_PHOTOS {
            return Err(PhotoError::TooManyPhotos { max: MAX_USER_PHOTOS });
        }
        let key = same_person_key(&name);
        let name = self.photos.iter().find(|p| same_person_key(&p.name) == key).map_or(name, |p| p.name.clone());
        self.photos.push(UserPhoto { name, rgba });
        Ok(self.photos.len() - 1)
    }

    /// Removes photo `index`; later photos move down by one.
    pub fn remove(&mut self, index: usize) -> Option<UserPhoto> {
        (index < self.photos.len()).then(|| self.photos.remove(index))
    }

    /// The people, in order of their first photo.
    pub fn people(&self) -> Vec<UserPerson> {
        let mut people: Vec<UserPerson> = Vec::new();
        for (i, photo) in self.photos.iter().enumerate() {
            let key = same_person_key(&photo.name);
            match people.iter_mut().find(|p| same_person_key(&p.name) == key) {
                Some(person) => person.photos.push(i),
                None => people.push(UserPerson { name: photo.name.clone(), photos: vec![i] }),
            }
        }
        people
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thumb(v: u8) -> Vec<u8> {
        vec![v; THUMB_SIDE * THUMB_SIDE * 4]
    }

    #[test]
    fn names_are_cleaned_and_checked() {
        assert_eq!(clean_name("  Ngọc   Anh \t"), Ok("Ngọc Anh".to_string()));
        assert_eq!(clean_name("   "), Err(PhotoError::NameEmpty));
        assert_eq!(clean_name(""), Err(PhotoError::NameEmpty));
        assert_eq!(clean_name(&"ệ".repeat(40)).map(|n| n.chars().count()), Ok(40));
        assert_eq!(clean_name(&"ệ".repeat(41)), Err(PhotoError::NameTooLong { chars: 41, max: 40 }));
        assert_eq!(clean_name("a\u{0}b"), Ok("a b".to_string()));
    }

    #[test]
    fn same_name_is_same_person() {
        let mut user = UserFaces::new();
        assert_eq!(user.add("Lan", thumb(1)), Ok(0));
        assert_eq!(user.add("Minh", thumb(2)), Ok(1));
        assert_eq!(user.add("  lan ", thumb(3)), Ok(2));
        assert_eq!(user.photos()[2].name, "Lan", "spelled as first typed");
        let people = user.people();
        assert_eq!(people.len(), 2);
        assert_eq!(people[0], UserPerson { name: "Lan".into(), photos: vec![0, 2] });
        assert_eq!(people[1], UserPerson { name: "Minh".into(), photos: vec![1] });
        assert!(people[0].trains());
        assert!(!people[1].trains());
        // Removing moves later photos down.
        assert_eq!(user.remove(0).map(|p| p.rgba[0]), Some(1));
        assert_eq!(user.remove(5), None);
        assert_eq!(user.people()[0], UserPerson { name: "Minh".into(), photos: vec![0] });
        assert_eq!(user.people()[1], UserPerson { name: "Lan".into(), photos: vec![1] });
    }

    #[test]
    fn bad_additions_change_nothing() {
        let mut user = UserFaces::new();
        assert_eq!(user.add("", thumb(1)), Err(PhotoError::NameEmpty));
        assert_eq!(user.add("Lan", vec![0; 12]), Err(PhotoError::PixelCount { expected: 9216, found: 12 }));
        assert!(user.is_empty());
        for i in 0..MAX_USER_PHOTOS {
            user.add("Lan", thumb(i as u8)).unwrap();
        }
        assert_eq!(user.add("Lan", thumb(0)), Err(PhotoError::TooManyPhotos { max: MAX_USER_PHOTOS }));
        assert_eq!(user.len(), MAX_USER_PHOTOS);
    }
}
