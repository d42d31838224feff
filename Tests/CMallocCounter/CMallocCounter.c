#include "CMallocCounter.h"

// Any libc header defines __GLIBC__ on glibc systems.
#include <stdlib.h>

// A sanitizer interposes malloc itself; defining it again here crashes the process at start.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define RLTERM_COUNTER_OFF 1
#endif
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(RLTERM_COUNTER_OFF)
#define RLTERM_COUNTING 1
#endif

#if RLTERM_COUNTING
#include <errno.h>

// Defining malloc and friends in the test executable interposes them for every library in the process
// (ELF symbol lookup finds the executable first); each forwards to glibc's own implementation.
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

static __thread int counting;
static __thread long allocations;

static inline void note_allocation(void) {
    if (counting) {
        allocations += 1;
    }
}

void *malloc(size_t size) {
    note_allocation();
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    note_allocation();
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    note_allocation();
    return __libc_realloc(pointer, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    note_allocation();
    return __libc_memalign(alignment, size);
}

void *memalign(size_t alignment, size_t size) {
    note_allocation();
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    note_allocation();
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) {
        return ENOMEM;
    }
    *result = pointer;
    return 0;
}

bool rlterm_malloc_counting_available(void) {
    return true;
}
#else
bool rlterm_malloc_counting_available(void) {
    return false;
}
#endif

void rlterm_malloc_counter_start(void) {
#if RLTERM_COUNTING
    allocations = 0;
    counting = 1;
#endif
}

long rlterm_malloc_counter_stop(void) {
#if RLTERM_COUNTING
    counting = 0;
    return allocations;
#else
    return 0;
#endif
}
