#ifndef RLTERM_CNEURALNETSHIMS_H
#define RLTERM_CNEURALNETSHIMS_H

#include <stdbool.h>

/// Sets flush-to-zero and denormals-are-zero (MXCSR bits 15 and 6) on the calling thread. Returns whether
/// the platform has such a mode (x86-64); elsewhere it does nothing and returns false.
bool rlterm_enable_flush_to_zero(void);

/// Whether both flush-to-zero and denormals-are-zero are set on the calling thread (false off x86-64).
bool rlterm_flush_to_zero_enabled(void);

/// Eight floats; Swift sees it as SIMD8<Float>.
typedef float rlterm_float8 __attribute__((vector_size(32)));

#if defined(__AVX__)
#include <immintrin.h>

/// The lane sums of eight vectors, [Σa0, Σa1, …, Σa7], by a tree of horizontal adds: 9 instructions
/// where summing each vector on its own takes about 40. Swift has no portable horizontal add.
static inline rlterm_float8 rlterm_sum8x8(rlterm_float8 a0, rlterm_float8 a1, rlterm_float8 a2, rlterm_float8 a3,
                                          rlterm_float8 a4, rlterm_float8 a5, rlterm_float8 a6, rlterm_float8 a7) {
    __m256 low = _mm256_hadd_ps(_mm256_hadd_ps((__m256)a0, (__m256)a1), _mm256_hadd_ps((__m256)a2, (__m256)a3));
    __m256 high = _mm256_hadd_ps(_mm256_hadd_ps((__m256)a4, (__m256)a5), _mm256_hadd_ps((__m256)a6, (__m256)a7));
    return (rlterm_float8)_mm256_add_ps(_mm256_permute2f128_ps(low, high, 0x20), _mm256_permute2f128_ps(low, high, 0x31));
}
#else
static inline float rlterm_sum8(rlterm_float8 a) {
    return ((a[0] + a[4]) + (a[2] + a[6])) + ((a[1] + a[5]) + (a[3] + a[7]));
}

/// The lane sums of eight vectors, [Σa0, Σa1, …, Σa7] (portable version).
static inline rlterm_float8 rlterm_sum8x8(rlterm_float8 a0, rlterm_float8 a1, rlterm_float8 a2, rlterm_float8 a3,
                                          rlterm_float8 a4, rlterm_float8 a5, rlterm_float8 a6, rlterm_float8 a7) {
    rlterm_float8 result = {rlterm_sum8(a0), rlterm_sum8(a1), rlterm_sum8(a2), rlterm_sum8(a3),
                            rlterm_sum8(a4), rlterm_sum8(a5), rlterm_sum8(a6), rlterm_sum8(a7)};
    return result;
}
#endif

#endif
