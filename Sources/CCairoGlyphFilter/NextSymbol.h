// The library's own definition of a function this target also defines (the next one after the
// program's in the dynamic linker's search order), looked up once per cache. A race only looks it
// up twice: same result.
#ifndef NIANBAO_NEXT_SYMBOL_H
#define NIANBAO_NEXT_SYMBOL_H
#include <dlfcn.h>

static inline void *nianbao_next_symbol(void **cache, const char *name) {
    void *f = __atomic_load_n(cache, __ATOMIC_ACQUIRE);
    if (f == NULL) {
        f = dlsym(RTLD_NEXT, name);
        __atomic_store_n(cache, f, __ATOMIC_RELEASE);
    }
    return f;
}
#endif
