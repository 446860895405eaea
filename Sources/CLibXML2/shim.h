#ifndef NIANBAO_CLIBXML2_SHIM_H
#define NIANBAO_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
