#ifndef RLTERM_CNEURALNETSHIMS_H
#define RLTERM_CNEURALNETSHIMS_H

#include <stdbool.h>

/// Sets flush-to-zero and denormals-are-zero (MXCSR bits 15 and 6) on the calling thread. Returns whether
/// the platform has such a mode (x86-64); elsewhere it does nothing and returns false.
bool rlterm_enable_flush_to_zero(void);

/// Whether both flush-to-zero and denormals-are-zero are set on the calling thread (false off x86-64).
bool rlterm_flush_to_zero_enabled(void);

/// Whether the CPU has AVX2 and FMA and the operating system saves the ymm registers (false off x86-64).
bool rlterm_cpu_has_avx2_fma(void);

/// Whether the CPU has AVX-512 F, VL, BW and DQ and the operating system saves the zmm and mask registers
/// (false off x86-64). The AVX-512 functions below may be called only when this is true.
bool rlterm_cpu_has_avx512(void);

#if defined(__x86_64__)
/// Runs sixteen independent 16-lane FMA chains for `iterations` rounds and returns their sum (to keep the
/// loop alive): 512 flops per round at the AVX-512 FMA units' throughput.
float rlterm_fma_loop_avx512(long iterations);

/// How rlterm_gemm_avx512 starts C before adding A·B.
enum {
    RLTERM_GEMM_START_ZERO = 0,
    /// Every row of C starts as the n floats at `bias`.
    RLTERM_GEMM_START_BIAS = 1,
    /// C keeps its contents.
    RLTERM_GEMM_START_ACCUMULATE = 2,
};

/// C (m × n, row-major) = start + A·B with A(i, p) = a[i·row_stride + p·column_stride] and B (k × n,
/// row-major), then max(·, 0) when `relu`; the AVX-512 version of NeuralNet's MatrixMultiply.multiply, with the
/// same summation order (each element one chain of fused multiply-adds over p = 0, 1, …, k − 1).
void rlterm_gemm_avx512(long m, long n, long k, const float *a, long row_stride, long column_stride,
                        const float *b, float *c, int start, const float *bias, bool relu);

/// tanh in place on `count` floats, sixteen at a time: NeuralNet's VectorTanh with the same result bit for bit.
void rlterm_tanh_avx512(float *values, long count);
#endif

#if defined(__AVX__)
// AVX helpers for the places where Swift has no portable primitive. NeuralNet is built with AVX2 on
// x86-64 (Package.swift) and uses them under `#if arch(x86_64)`; elsewhere it has Swift equivalents.

/// Eight floats; Swift sees it as SIMD8<Float>.
typedef float rlterm_float8 __attribute__((vector_size(32)));

#include <immintrin.h>

/// The lane sums of eight vectors, [Σa0, Σa1, …, Σa7], by a tree of horizontal adds: 9 instructions
/// where summing each vector on its own takes about 40. Swift has no portable horizontal add.
static inline rlterm_float8 rlterm_sum8x8(rlterm_float8 a0, rlterm_float8 a1, rlterm_float8 a2, rlterm_float8 a3,
                                          rlterm_float8 a4, rlterm_float8 a5, rlterm_float8 a6, rlterm_float8 a7) {
    __m256 low = _mm256_hadd_ps(_mm256_hadd_ps((__m256)a0, (__m256)a1), _mm256_hadd_ps((__m256)a2, (__m256)a3));
    __m256 high = _mm256_hadd_ps(_mm256_hadd_ps((__m256)a4, (__m256)a5), _mm256_hadd_ps((__m256)a6, (__m256)a7));
    return (rlterm_float8)_mm256_add_ps(_mm256_permute2f128_ps(low, high, 0x20), _mm256_permute2f128_ps(low, high, 0x31));
}

/// Transposes the 8 × 8 block at `source` (rows `sourceStride` floats apart) into `target` (rows
/// `targetStride` apart) with the classic unpack/shuffle/permute network: 24 shuffles for 64 floats.
static inline void rlterm_transpose8x8(const float *source, long sourceStride, float *target, long targetStride) {
    __m256 r0 = _mm256_loadu_ps(source), r1 = _mm256_loadu_ps(source + sourceStride);
    __m256 r2 = _mm256_loadu_ps(source + 2 * sourceStride), r3 = _mm256_loadu_ps(source + 3 * sourceStride);
    __m256 r4 = _mm256_loadu_ps(source + 4 * sourceStride), r5 = _mm256_loadu_ps(source + 5 * sourceStride);
    __m256 r6 = _mm256_loadu_ps(source + 6 * sourceStride), r7 = _mm256_loadu_ps(source + 7 * sourceStride);
    __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
    __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
    __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
    __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
    __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
    __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
    __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
    __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
    _mm256_storeu_ps(target, _mm256_permute2f128_ps(u0, u4, 0x20));
    _mm256_storeu_ps(target + targetStride, _mm256_permute2f128_ps(u1, u5, 0x20));
    _mm256_storeu_ps(target + 2 * targetStride, _mm256_permute2f128_ps(u2, u6, 0x20));
    _mm256_storeu_ps(target + 3 * targetStride, _mm256_permute2f128_ps(u3, u7, 0x20));
    _mm256_storeu_ps(target + 4 * targetStride, _mm256_permute2f128_ps(u0, u4, 0x31));
    _mm256_storeu_ps(target + 5 * targetStride, _mm256_permute2f128_ps(u1, u5, 0x31));
    _mm256_storeu_ps(target + 6 * targetStride, _mm256_permute2f128_ps(u2, u6, 0x31));
    _mm256_storeu_ps(target + 7 * targetStride, _mm256_permute2f128_ps(u3, u7, 0x31));
}
#endif

#endif
