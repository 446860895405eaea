#ifndef NIANBAO_CLIBXML2_SHIM_H
#define NIANBAO_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and encoding.h then includes the system's <unicode/ucnv.h>,
 * whose UErrorCode clashes with Foundation's private ICU module ("different definitions in
 * different modules"). nianbao never touches xmlCharEncodingHandler (the only type whose layout
 * depends on this: two trailing pointer fields), so hide ICU from the module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
