//! Drawing, independent of where it is drawn: the 2D plot (plotters, generic
//! over `DrawingBackend`), the shared palette and the MathML formulas.

pub mod formula;
pub mod palette;
pub mod plot2d;
