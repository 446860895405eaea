// ReadStat (Debian libreadstat-dev, which ships no pkg-config file): Stata .dta and SPSS .sav writers.
#include <readstat.h>
