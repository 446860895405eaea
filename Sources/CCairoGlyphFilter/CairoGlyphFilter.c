// Drops text drawn onto cairo surfaces marked by nianbao_cairo_surface_drop_glyphs.
//
// Why: NianbaoPDF reads a page's ruling lines from the cairo script poppler renders. For every
// scaled font that draws text, cairo's script surface embeds the whole font program (type42,
// deflated, base85), and it writes every glyph run; that was most of the PDF time (zlib deflate
// alone about 40 %), for bytes the ruling parser skips. Neither poppler-glib nor cairo can render
// a page without its text, so this file defines cairo_show_glyphs and cairo_show_text_glyphs
// itself: the program exports them (libpoppler-glib references them), the dynamic linker binds
// poppler's calls here, and each call goes on to cairo's own function (dlsym RTLD_NEXT) unless
// the target surface carries this file's mark. Surfaces without the mark (page images for
// `inspect`, OCR rendering) are drawn exactly as before. Glyph outlines (cairo_glyph_path: text
// drawn in stroke or clip mode, fake bold) are not touched, so they still reach the script.
// cairo functions used here are resolved the ordinary way; nothing outlives a call.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include "CairoGlyphFilter.h"
#include "NextSymbol.h"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _cairo_user_data_key { int unused; } cairo_user_data_key_t;
typedef void (*cairo_destroy_func_t)(void *data);

extern cairo_surface_t *cairo_get_target(cairo_t *cr);
extern void *cairo_surface_get_user_data(cairo_surface_t *surface, const cairo_user_data_key_t *key);
extern int cairo_surface_set_user_data(cairo_surface_t *surface, const cairo_user_data_key_t *key,
                                       void *user_data, cairo_destroy_func_t destroy);

static const cairo_user_data_key_t drop_glyphs_key;
static int marker;

typedef void (*show_glyphs_fn)(cairo_t *, const void *, int);
typedef void (*show_text_glyphs_fn)(cairo_t *, const char *, int, const void *, int, const void *, int, int);

static int drops_glyphs(cairo_t *cr) {
    if (cr == NULL) return 0;
    cairo_surface_t *target = cairo_get_target(cr);
    return target != NULL && cairo_surface_get_user_data(target, &drop_glyphs_key) == &marker;
}

int nianbao_cairo_surface_drop_glyphs(void *surface) {
    if (surface == NULL) return 0;
    // CAIRO_STATUS_SUCCESS is 0.
    return cairo_surface_set_user_data((cairo_surface_t *)surface, &drop_glyphs_key, &marker, NULL) == 0;
}

// cairo's own functions.
static show_glyphs_fn real_show_glyphs(void) {
    static void *cached;
    return (show_glyphs_fn)nianbao_next_symbol(&cached, "cairo_show_glyphs");
}

static show_text_glyphs_fn real_show_text_glyphs(void) {
    static void *cached;
    return (show_text_glyphs_fn)nianbao_next_symbol(&cached, "cairo_show_text_glyphs");
}

void cairo_show_glyphs(cairo_t *cr, const void *glyphs, int num_glyphs) {
    if (drops_glyphs(cr)) return;
    show_glyphs_fn real = real_show_glyphs();
    if (real != NULL) real(cr, glyphs, num_glyphs);
}

void cairo_show_text_glyphs(cairo_t *cr, const char *utf8, int utf8_len, const void *glyphs, int num_glyphs,
                            const void *clusters, int num_clusters, int cluster_flags) {
    if (drops_glyphs(cr)) return;
    show_text_glyphs_fn real = real_show_text_glyphs();
    if (real != NULL) real(cr, utf8, utf8_len, glyphs, num_glyphs, clusters, num_clusters, cluster_flags);
}

int nianbao_cairo_glyph_filter_active(void) {
    // The definition the dynamic linker hands out for the name is this file's when poppler's
    // calls are interposed.
    void *bound = dlsym(RTLD_DEFAULT, "cairo_show_glyphs");
    return bound == (void *)&cairo_show_glyphs;
}
