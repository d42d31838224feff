#include "CNeuralNetShims.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define RLTERM_AVX512_ADAM __attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx2,fma")))

/// NeuralNet's `SIMD8.quotient` on sixteen lanes, the same operations in the same order (ReciprocalQuotient.swift
/// explains the method): a/d from a reciprocal refined by Newton's method on the FMA units, exact division only
/// in lanes whose d is outside [2⁻¹²⁵, 2¹²⁵] or whose quotient is not finite.
static inline RLTERM_AVX512_ADAM __m512 rlterm_quotient16(__m512 a, __m512 d) {
    const __m512 one = _mm512_set1_ps(1.0f);
    __m512 r = _mm512_castsi512_ps(_mm512_sub_epi32(_mm512_set1_epi32(0x7EF311C3), _mm512_castps_si512(d)));
    r = _mm512_fmadd_ps(r, _mm512_fnmadd_ps(d, r, one), r);
    r = _mm512_fmadd_ps(r, _mm512_fnmadd_ps(d, r, one), r);
    r = _mm512_fmadd_ps(r, _mm512_fnmadd_ps(d, r, one), r);
    __m512 q = _mm512_mul_ps(a, r);
    q = _mm512_fmadd_ps(_mm512_fnmadd_ps(d, q, a), r, q);
    const __m512 largest = _mm512_set1_ps(0x1.fffffep127f);
    const __mmask16 reliable = _mm512_cmp_ps_mask(d, _mm512_set1_ps(0x1p-125f), _CMP_GE_OQ) &
                               _mm512_cmp_ps_mask(d, _mm512_set1_ps(0x1p125f), _CMP_LE_OQ) &
                               _mm512_cmp_ps_mask(q, largest, _CMP_LE_OQ) &
                               _mm512_cmp_ps_mask(q, _mm512_sub_ps(_mm512_setzero_ps(), largest), _CMP_GE_OQ);
    if (reliable != 0xFFFF) q = _mm512_mask_div_ps(q, (__mmask16)~reliable, a, d);
    return q;
}

static inline RLTERM_AVX512_ADAM void rlterm_adam16(const struct rlterm_adam_step *s, long index, __mmask16 lanes) {
    const __m512 g = _mm512_maskz_loadu_ps(lanes, s->gradients + index);
    const __m512 m = _mm512_add_ps(_mm512_mul_ps(_mm512_set1_ps(s->beta1), _mm512_maskz_loadu_ps(lanes, s->first_moment + index)),
                                   _mm512_mul_ps(_mm512_set1_ps(s->one_minus_beta1), g));
    const __m512 v = _mm512_add_ps(_mm512_mul_ps(_mm512_set1_ps(s->beta2), _mm512_maskz_loadu_ps(lanes, s->second_moment + index)),
                                   _mm512_mul_ps(_mm512_mul_ps(_mm512_set1_ps(s->one_minus_beta2), g), g));
    _mm512_mask_storeu_ps(s->first_moment + index, lanes, m);
    _mm512_mask_storeu_ps(s->second_moment + index, lanes, v);
    const __m512 denominator = _mm512_add_ps(_mm512_mul_ps(_mm512_sqrt_ps(v), _mm512_set1_ps(s->inverse_root_correction2)),
                                             _mm512_set1_ps(s->epsilon));
    const __m512 step = rlterm_quotient16(_mm512_mul_ps(_mm512_set1_ps(s->step_size), m), denominator);
    _mm512_mask_storeu_ps(s->parameters + index, lanes,
                          _mm512_sub_ps(_mm512_maskz_loadu_ps(lanes, s->parameters + index), step));
}

RLTERM_AVX512_ADAM void rlterm_adam_step_avx512(const struct rlterm_adam_step *step) {
    long index = 0;
    for (; index + 16 <= step->count; index += 16) rlterm_adam16(step, index, 0xFFFF);
    if (index < step->count) rlterm_adam16(step, index, (__mmask16)((1u << (step->count - index)) - 1));
}
#endif
