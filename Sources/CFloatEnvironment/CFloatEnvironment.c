#include "CFloatEnvironment.h"

#if defined(__x86_64__)
#include <xmmintrin.h>

// MXCSR: FTZ is bit 15 (0x8000), DAZ is bit 6 (0x0040).
static const unsigned int rlterm_ftz_daz = 0x8040;

bool rlterm_enable_flush_to_zero(void) {
    _mm_setcsr(_mm_getcsr() | rlterm_ftz_daz);
    return true;
}

bool rlterm_flush_to_zero_enabled(void) {
    return (_mm_getcsr() & rlterm_ftz_daz) == rlterm_ftz_daz;
}
#else
bool rlterm_enable_flush_to_zero(void) {
    return false;
}

bool rlterm_flush_to_zero_enabled(void) {
    return false;
}
#endif
