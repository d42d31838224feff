#ifndef RLTERM_CFLOATENVIRONMENT_H
#define RLTERM_CFLOATENVIRONMENT_H

#include <stdbool.h>

/// Sets flush-to-zero and denormals-are-zero (MXCSR bits 15 and 6) on the calling thread. Returns whether
/// the platform has such a mode (x86-64); elsewhere it does nothing and returns false.
bool rlterm_enable_flush_to_zero(void);

/// Whether both flush-to-zero and denormals-are-zero are set on the calling thread (false off x86-64).
bool rlterm_flush_to_zero_enabled(void);

#endif
