#include "CNeuralNetShims.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define RLTERM_AVX512_TANH __attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx2,fma")))

/// NeuralNet's VectorTanh (SIMD8 hyperbolicTangent) on sixteen lanes: the same operations in the same order,
/// each an IEEE operation or a fused multiply-add (products and sums are separate intrinsics, which the
/// compiler does not fuse), so every lane gets the same bits as the eight-lane Swift version. VectorTanh.swift
/// explains the method and its accuracy.
static inline RLTERM_AVX512_TANH __m512 rlterm_tanh16(__m512 x) {
    const __m512i sign_bit = _mm512_set1_epi32((int)0x80000000u);
    const __m512i bits = _mm512_castps_si512(x);
    const __m512 magnitude = _mm512_castsi512_ps(_mm512_andnot_si512(sign_bit, bits));

    const __mmask16 tiny = _mm512_cmp_ps_mask(magnitude, _mm512_set1_ps(0x1p-12f), _CMP_LT_OQ);
    const __mmask16 above_small = _mm512_cmp_ps_mask(magnitude, _mm512_set1_ps(0.625f), _CMP_GT_OQ);
    __m512 ranged = _mm512_mask_blend_ps(tiny, magnitude, _mm512_set1_ps(0x1p-12f));
    ranged = _mm512_mask_blend_ps(above_small, ranged, _mm512_set1_ps(0.625f));
    const __m512 square = _mm512_mul_ps(ranged, ranged);
    __m512 polynomial = _mm512_set1_ps(0.002172659384086728f);
    polynomial = _mm512_fmadd_ps(polynomial, square, _mm512_set1_ps(-0.008210626430809498f));
    polynomial = _mm512_fmadd_ps(polynomial, square, _mm512_set1_ps(0.021714583039283752f));
    polynomial = _mm512_fmadd_ps(polynomial, square, _mm512_set1_ps(-0.05394941568374634f));
    polynomial = _mm512_fmadd_ps(polynomial, square, _mm512_set1_ps(0.1333322823047638f));
    polynomial = _mm512_fmadd_ps(polynomial, square, _mm512_set1_ps(-0.3333333134651184f));
    __m512 small = _mm512_fmadd_ps(_mm512_mul_ps(square, ranged), polynomial, ranged);
    small = _mm512_mask_blend_ps(tiny, small, magnitude);

    // Not "≥ 0.625" includes NaN, which the Swift version also sends to 0.625.
    const __mmask16 large_lanes = _mm512_cmp_ps_mask(magnitude, _mm512_set1_ps(0.625f), _CMP_GE_OQ);
    __m512 clamped = _mm512_mask_blend_ps(large_lanes, _mm512_set1_ps(0.625f), magnitude);
    clamped = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(magnitude, _mm512_set1_ps(9.5f), _CMP_GT_OQ), clamped,
                                   _mm512_set1_ps(9.5f));
    const __m512 doubled = _mm512_add_ps(clamped, clamped);
    const __m512 shifter = _mm512_set1_ps(0x1.8p23f);
    const __m512 shifted = _mm512_add_ps(_mm512_mul_ps(doubled, _mm512_set1_ps(1.4426950408889634f)), shifter);
    const __m512 exponent = _mm512_sub_ps(shifted, shifter);
    __m512 reduced = _mm512_fnmadd_ps(exponent, _mm512_set1_ps(0.693145751953125f), doubled);
    reduced = _mm512_fnmadd_ps(exponent, _mm512_set1_ps(1.428606765330187e-6f), reduced);
    __m512 exponential = _mm512_set1_ps(1.0f / 5040);
    exponential = _mm512_fmadd_ps(exponential, reduced, _mm512_set1_ps(1.0f / 720));
    exponential = _mm512_fmadd_ps(exponential, reduced, _mm512_set1_ps(1.0f / 120));
    exponential = _mm512_fmadd_ps(exponential, reduced, _mm512_set1_ps(1.0f / 24));
    exponential = _mm512_fmadd_ps(exponential, reduced, _mm512_set1_ps(1.0f / 6));
    exponential = _mm512_fmadd_ps(exponential, reduced, _mm512_set1_ps(1.0f / 2));
    exponential = _mm512_fmadd_ps(exponential, reduced, _mm512_set1_ps(1.0f));
    exponential = _mm512_fmadd_ps(exponential, reduced, _mm512_set1_ps(1.0f));
    const __m512i scale_bits = _mm512_add_epi32(_mm512_slli_epi32(_mm512_castps_si512(shifted), 23),
                                                _mm512_set1_epi32(127 << 23));
    exponential = _mm512_mul_ps(exponential, _mm512_castsi512_ps(scale_bits));
    const __m512 one = _mm512_set1_ps(1.0f);
    const __m512 large = _mm512_sub_ps(one, _mm512_div_ps(_mm512_set1_ps(2.0f), _mm512_add_ps(exponential, one)));

    const __m512 result = _mm512_mask_blend_ps(large_lanes, small, large);
    const __m512 signed_result = _mm512_castsi512_ps(
        _mm512_or_si512(_mm512_castps_si512(result), _mm512_and_si512(bits, sign_bit)));
    return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q), signed_result, x);
}

RLTERM_AVX512_TANH void rlterm_tanh_avx512(float *values, long count) {
    long index = 0;
    for (; index + 16 <= count; index += 16) {
        _mm512_storeu_ps(values + index, rlterm_tanh16(_mm512_loadu_ps(values + index)));
    }
    if (index < count) {
        const __mmask16 tail = (__mmask16)((1u << (count - index)) - 1);
        _mm512_mask_storeu_ps(values + index, tail, rlterm_tanh16(_mm512_maskz_loadu_ps(tail, values + index)));
    }
}
#endif
