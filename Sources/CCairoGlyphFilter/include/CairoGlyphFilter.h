#ifndef NIANBAO_CAIRO_GLYPH_FILTER_H
#define NIANBAO_CAIRO_GLYPH_FILTER_H

#include "FontProgramFilter.h"

/// Marks a cairo surface (a `cairo_surface_t *`) so that text drawn onto it with
/// `cairo_show_glyphs` or `cairo_show_text_glyphs` is dropped. See CairoGlyphFilter.c.
/// Returns 0 when the mark could not be set (the surface then receives text as usual).
int nianbao_cairo_surface_drop_glyphs(void *surface);

/// 1 when the filter is in effect in this process: poppler's calls to `cairo_show_glyphs`
/// reach this library's definition (the program exports it), 0 when they go straight to cairo.
int nianbao_cairo_glyph_filter_active(void);

#endif
