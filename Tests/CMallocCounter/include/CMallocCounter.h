#ifndef RLTERM_CMALLOCCOUNTER_H
#define RLTERM_CMALLOCCOUNTER_H

#include <stdbool.h>

/// Whether this platform routes malloc, calloc, realloc and the aligned allocators through the counter
/// (glibc: this library defines them and forwards to __libc_*). Elsewhere, and in a build with a sanitizer
/// (which interposes malloc itself), counting is unavailable.
bool rlterm_malloc_counting_available(void);

/// Starts counting allocations made by the calling thread, from zero.
void rlterm_malloc_counter_start(void);

/// Stops counting on the calling thread and returns how many allocations it made since the start.
long rlterm_malloc_counter_stop(void);

#endif
