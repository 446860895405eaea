// Keeps poppler's cairo renderer from reading embedded font programs while it draws a page for the
// ruling reader.
//
// Why: the ruling reader's cairo script surfaces drop all text (CairoGlyphFilter.c), yet poppler's
// CairoOutputDev still loads every font a page uses: GfxFont::readEmbFontFile inflates the whole
// embedded font program (megabytes for CJK fonts) and FreeType parses it, a fifth of the PDF time
// on the benchmark, for glyphs nobody draws. This file defines GfxFont::readEmbFontFile itself
// (the program exports it, like cairo_show_glyphs); the call goes on to libpoppler's own function
// (dlsym RTLD_NEXT) unless the calling thread is inside nianbao_font_programs_skip_begin/end AND
// the caller is libpoppler-glib (its cairo font engine, the only caller there). libpoppler's own
// calls (reading a Type 1 font's built-in encoding, which the text layer needs) always go through.
// A font whose program is refused fails to load for that rendering only (poppler does not cache a
// failed font), so the page's text is not drawn, not even as outlines: the text layer poppler
// builds during the same rendering does not use the font program. Later renderings (page images,
// OCR) load the font as usual.
//
// poppler-glib reports every font it fails to create with `fprintf(stderr, "some font thing
// failed\n")` (compiled to __fprintf_chk), once per font change on the page. This file therefore
// also defines __fprintf_chk: on a thread inside begin/end, that exact line written to stderr is
// dropped; every other call goes on to the C library's __vfprintf_chk, as glibc's own does.
//
// The signature is poppler's since 22.03: std::optional<std::vector<unsigned char>>
// GfxFont::readEmbFontFile(XRef *). Under the Itanium C++ ABI the result is returned through a
// hidden pointer (first argument, given back in the return register) and `this` comes second. An
// empty optional is all zero bytes (a vector of three null pointers, engaged flag false). Other
// poppler versions (the name mangles the parameters, not the result type) are passed through
// untouched: nianbao_font_program_filter_active says whether the skip can take effect.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "FontProgramFilter.h"
#include "NextSymbol.h"

extern const char *poppler_get_version(void);

typedef void *(*read_emb_fn)(void *result, void *font, void *xref);

static __thread int skip_depth;

void nianbao_font_programs_skip_begin(void) { skip_depth++; }
void nianbao_font_programs_skip_end(void) { if (skip_depth > 0) skip_depth--; }

static read_emb_fn real_read_emb(void) {
    static void *cached;
    return (read_emb_fn)nianbao_next_symbol(&cached, "_ZN7GfxFont15readEmbFontFileEP4XRef");
}

// 1 when poppler is a version whose readEmbFontFile returns std::optional<std::vector<unsigned char>>
// (22.03 to 25.x), -1 otherwise; 0 until asked.
static int known_version(void) {
    static int cached;
    int k = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);
    if (k == 0) {
        const char *v = poppler_get_version();
        int major = v ? atoi(v) : 0;
        const char *dot = v ? strchr(v, '.') : NULL;
        int minor = dot ? atoi(dot + 1) : 0;
        k = ((major == 22 && minor >= 3) || (major > 22 && major <= 25)) ? 1 : -1;
        __atomic_store_n(&cached, k, __ATOMIC_RELEASE);
    }
    return k;
}

// The address range of libpoppler-glib's loaded segments, found once (dladdr on every call was
// 5 % of the PDF time: poppler asks again for a font it failed to create at each font change).
static uintptr_t glib_start, glib_end;
static pthread_once_t glib_once = PTHREAD_ONCE_INIT;

static int find_glib_segments(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    if (info->dlpi_addr != (uintptr_t)data) return 0;
    uintptr_t lo = UINTPTR_MAX, hi = 0;
    for (int k = 0; k < info->dlpi_phnum; k++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[k];
        if (ph->p_type != PT_LOAD) continue;
        uintptr_t a = info->dlpi_addr + ph->p_vaddr;
        if (a < lo) lo = a;
        if (a + ph->p_memsz > hi) hi = a + ph->p_memsz;
    }
    if (hi > lo) { glib_start = lo; glib_end = hi; }
    return 1;
}

static void locate_glib(void) {
    void *symbol = dlsym(RTLD_DEFAULT, "poppler_page_render");
    Dl_info info;
    if (symbol == NULL || dladdr(symbol, &info) == 0 || info.dli_fname == NULL || strstr(info.dli_fname, "libpoppler-glib") == NULL) return;
    dl_iterate_phdr(find_glib_segments, info.dli_fbase);
}

// Whether `address` (a return address) lies in libpoppler-glib.
static int in_poppler_glib(void *address) {
    pthread_once(&glib_once, locate_glib);
    uintptr_t a = (uintptr_t)address;
    return a >= glib_start && a < glib_end;
}

void *_ZN7GfxFont15readEmbFontFileEP4XRef(void *result, void *font, void *xref) {
    if (skip_depth > 0 && known_version() == 1 && in_poppler_glib(__builtin_return_address(0))) {
        memset(result, 0, 32);  // sizeof(std::optional<std::vector<unsigned char>>): disengaged
        return result;
    }
    read_emb_fn real = real_read_emb();
    if (real == NULL) {  // cannot happen when libpoppler is loaded; an empty result is safe
        memset(result, 0, 32);
        return result;
    }
    return real(result, font, xref);
}

static const char refused_font_line[] = "some font thing failed\n";

// glibc's checked vfprintf, which its own __fprintf_chk calls.
extern int __vfprintf_chk(FILE *stream, int flag, const char *format, va_list ap);

int __fprintf_chk(FILE *stream, int flag, const char *format, ...) {
    if (skip_depth > 0 && stream == stderr && format != NULL && strcmp(format, refused_font_line) == 0) {
        return (int)(sizeof(refused_font_line) - 1);
    }
    va_list ap;
    va_start(ap, format);
    int written = __vfprintf_chk(stream, flag, format, ap);
    va_end(ap);
    return written;
}

int nianbao_font_program_filter_active(void) {
    void *bound = dlsym(RTLD_DEFAULT, "_ZN7GfxFont15readEmbFontFileEP4XRef");
    void *check = dlsym(RTLD_DEFAULT, "__fprintf_chk");
    pthread_once(&glib_once, locate_glib);
    if (glib_end <= glib_start) return 0;
    return bound == (void *)&_ZN7GfxFont15readEmbFontFileEP4XRef && check == (void *)&__fprintf_chk && known_version() == 1;
}
