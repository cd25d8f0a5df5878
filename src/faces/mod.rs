//! Generated face thumbnails: identities, variations, the atlas and its
//! manifest. (Being written.)
