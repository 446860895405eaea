#ifndef NIANBAO_FONT_PROGRAM_FILTER_H
#define NIANBAO_FONT_PROGRAM_FILTER_H

/// While the calling thread is between begin and end, poppler's cairo renderer is not given the
/// embedded font programs it asks for (see FontProgramFilter.c): its text is drawn by nobody anyway
/// (CairoGlyphFilter.c), and reading the programs was a fifth of the PDF time. Calls nest.
void nianbao_font_programs_skip_begin(void);
void nianbao_font_programs_skip_end(void);

/// 1 when the filter is in effect in this process: poppler's calls to `GfxFont::readEmbFontFile`
/// reach this library's definition and the poppler version is one whose signature it knows.
int nianbao_font_program_filter_active(void);

#endif
