#ifndef NIANBAO_CARCHIVE_SHIM_H
#define NIANBAO_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
