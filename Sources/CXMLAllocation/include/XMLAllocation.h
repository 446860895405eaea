#ifndef NIANBAO_XML_ALLOCATION_H
#define NIANBAO_XML_ALLOCATION_H
#include <stddef.h>

/// libxml2's allocation functions (installed with xmlMemSetup), counting the allocations that fail
/// on the calling thread. libxml2 does not always say that it ran out of memory: under an address-space
/// limit (`--memory-limit`) it may hand back no document, or with recovery on a cut one, and report
/// the page as empty. The count tells such a failure from a damaged page.
void *nianbao_xml_malloc(size_t size);
void *nianbao_xml_realloc(void *pointer, size_t size);
char *nianbao_xml_strdup(const char *text);
void nianbao_xml_free(void *pointer);
/// Allocations that failed on this thread so far.
unsigned long nianbao_xml_allocation_failures(void);

#endif
