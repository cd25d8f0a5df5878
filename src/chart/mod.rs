//! Drawing, independent of where it is drawn: the 2D plot and the 3D
//! perspective plot (plotters, generic over `DrawingBackend`), the shared
//! palette and the MathML formulas.

pub mod formula;
pub mod palette;
pub mod plot2d;
pub mod plot3d;
pub mod sphere;
pub mod train_curves;
