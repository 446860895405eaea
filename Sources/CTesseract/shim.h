#ifndef NIANBAO_CTESSERACT_SHIM_H
#define NIANBAO_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
#endif
