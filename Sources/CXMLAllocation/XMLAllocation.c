#include "XMLAllocation.h"
#include <stdlib.h>
#include <string.h>

static _Thread_local unsigned long failures;

void *nianbao_xml_malloc(size_t size) {
    void *p = malloc(size);
    if (p == NULL && size != 0) failures++;
    return p;
}

void *nianbao_xml_realloc(void *pointer, size_t size) {
    void *p = realloc(pointer, size);
    if (p == NULL && size != 0) failures++;
    return p;
}

char *nianbao_xml_strdup(const char *text) {
    char *p = strdup(text);
    if (p == NULL) failures++;
    return p;
}

void nianbao_xml_free(void *pointer) { free(pointer); }

unsigned long nianbao_xml_allocation_failures(void) { return failures; }
