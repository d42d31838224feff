#include "CNeuralNetShims.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#include <stdlib.h>

// This file is compiled for baseline x86-64; only the functions marked RLTERM_AVX512 use AVX-512, and they run
// only after rlterm_cpu_has_avx512() said yes, so one binary serves every x86-64 CPU with AVX2.
#define RLTERM_AVX512 __attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx2,fma")))

/// XCR0 through xgetbv, which says which vector registers the operating system saves on a context switch.
/// Inline assembly, so that this file needs no -mxsave for the _xgetbv intrinsic.
static unsigned long long rlterm_xcr0(void) {
    unsigned int low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    return ((unsigned long long)high << 32) | low;
}

/// CPUID leaf 1 ECX: FMA is bit 12, OSXSAVE bit 27, AVX bit 28. Leaf 7 EBX: AVX2 bit 5, AVX512F bit 16,
/// AVX512DQ bit 17, AVX512BW bit 30, AVX512VL bit 31 (Intel SDM vol. 2A, CPUID).
static bool rlterm_cpu_has_os_avx(unsigned long long required_state) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    const unsigned int fma = 1u << 12, osxsave = 1u << 27, avx = 1u << 28;
    if ((ecx & (fma | osxsave | avx)) != (fma | osxsave | avx)) return false;
    return (rlterm_xcr0() & required_state) == required_state;
}

bool rlterm_cpu_has_avx2_fma(void) {
    unsigned int eax, ebx, ecx, edx;
    // XCR0 bits 1 and 2: SSE and AVX (upper ymm) state.
    if (!rlterm_cpu_has_os_avx(0x6) || !__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    return (ebx & (1u << 5)) != 0;
}

bool rlterm_cpu_has_avx512(void) {
    unsigned int eax, ebx, ecx, edx;
    // XCR0 bits 5–7: opmask, upper halves of zmm0–15, zmm16–31.
    if (!rlterm_cpu_has_avx2_fma() || !rlterm_cpu_has_os_avx(0xE6)) return false;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    const unsigned int needed = (1u << 16) | (1u << 17) | (1u << 30) | (1u << 31);
    return (ebx & needed) == needed;
}

RLTERM_AVX512 float rlterm_fma_loop_avx512(long iterations) {
    // Sixteen independent chains: two FMA pipes × a latency of four cycles needs at least eight in flight.
    const __m512 x = _mm512_set1_ps(0.999999f), y = _mm512_set1_ps(1e-7f);
    __m512 chains[16];
    for (int chain = 0; chain < 16; chain++) chains[chain] = _mm512_set1_ps(1.0f + (float)chain);
    for (long iteration = 0; iteration < iterations; iteration++) {
        for (int chain = 0; chain < 16; chain++) chains[chain] = _mm512_fmadd_ps(chains[chain], x, y);
    }
    __m512 total = chains[0];
    for (int chain = 1; chain < 16; chain++) total = _mm512_add_ps(total, chains[chain]);
    return _mm512_reduce_add_ps(total);
}

/// The operands of one product, as rlterm_gemm_avx512 documents them. A tile starting at `row` reads A from
/// a + row·row_stride, its r-th row at r·tile_row_stride from there: the two strides differ only when A was
/// packed into panels (rlterm_pack_panels_avx512).
struct rlterm_gemm {
    const float *a;
    long row_stride, tile_row_stride, column_stride;
    const float *b;
    float *c;
    long n, k;
    int start;
    const float *bias;
    bool relu;
};

/// One tile of `rows` rows × `vectors` zmm vectors (16 floats each) of C at (row, column); lanes outside
/// `masks` are neither read from B, the bias or C nor written. Each element of C is one chain of fused
/// multiply-adds over k in order, from its start value, exactly as in the Swift SIMD8 tiles, so the product
/// is bit for bit the same as theirs; only the tile shape differs. Always inlined with constant `rows` and
/// `vectors`, so the accumulators live in registers (at most 24 of the 32 zmm).
static inline __attribute__((always_inline)) RLTERM_AVX512 void rlterm_tile_avx512(
    const struct rlterm_gemm *g, const int rows, const int vectors, long row, long column, __mmask16 mask0,
    __mmask16 mask1) {
    __m512 sums[12][2];
    float *c = g->c + row * g->n + column;
    _Pragma("clang loop unroll(full)") for (int r = 0; r < rows; r++) {
        _Pragma("clang loop unroll(full)") for (int v = 0; v < vectors; v++) {
            __mmask16 mask = v == 0 ? mask0 : mask1;
            switch (g->start) {
            case RLTERM_GEMM_START_BIAS: sums[r][v] = _mm512_maskz_loadu_ps(mask, g->bias + column + 16 * v); break;
            case RLTERM_GEMM_START_ACCUMULATE: sums[r][v] = _mm512_maskz_loadu_ps(mask, c + r * g->n + 16 * v); break;
            default: sums[r][v] = _mm512_setzero_ps(); break;
            }
        }
    }
    const float *a = g->a + row * g->row_stride;
    const float *b = g->b + column;
    const long row_stride = g->tile_row_stride, column_stride = g->column_stride, n = g->n;
    for (long p = 0; p < g->k; p++) {
        __m512 b0 = _mm512_maskz_loadu_ps(mask0, b);
        __m512 b1 = vectors == 2 ? _mm512_maskz_loadu_ps(mask1, b + 16) : b0;
        _Pragma("clang loop unroll(full)") for (int r = 0; r < rows; r++) {
            __m512 scalar = _mm512_set1_ps(a[r * row_stride]);
            sums[r][0] = _mm512_fmadd_ps(scalar, b0, sums[r][0]);
            if (vectors == 2) sums[r][1] = _mm512_fmadd_ps(scalar, b1, sums[r][1]);
        }
        a += column_stride;
        b += n;
    }
    _Pragma("clang loop unroll(full)") for (int r = 0; r < rows; r++) {
        _Pragma("clang loop unroll(full)") for (int v = 0; v < vectors; v++) {
            __m512 value = sums[r][v];
            // max(x, 0) as the Swift tiles take it: only x < 0 becomes +0, so −0 and NaN pass through.
            if (g->relu) value = _mm512_mask_mov_ps(value, _mm512_cmp_ps_mask(value, _mm512_setzero_ps(), _CMP_LT_OQ),
                                                    _mm512_setzero_ps());
            _mm512_mask_storeu_ps(c + r * n + 16 * v, v == 0 ? mask0 : mask1, value);
        }
    }
}

#define RLTERM_TILE_CASE(rows)                                                                                      \
    case rows:                                                                                                       \
        if (vectors == 2) rlterm_tile_avx512(g, rows, 2, row, column, mask0, mask1);                                \
        else rlterm_tile_avx512(g, rows, 1, row, column, mask0, mask1);                                              \
        break;

/// A tile of 1…12 rows; the switch gives each height its own fully unrolled copy.
static RLTERM_AVX512 void rlterm_tile_rows_avx512(const struct rlterm_gemm *g, int rows, int vectors, long row,
                                                  long column, __mmask16 mask0, __mmask16 mask1) {
    switch (rows) {
        RLTERM_TILE_CASE(1) RLTERM_TILE_CASE(2) RLTERM_TILE_CASE(3) RLTERM_TILE_CASE(4) RLTERM_TILE_CASE(5)
        RLTERM_TILE_CASE(6) RLTERM_TILE_CASE(7) RLTERM_TILE_CASE(8) RLTERM_TILE_CASE(9) RLTERM_TILE_CASE(10)
        RLTERM_TILE_CASE(11) RLTERM_TILE_CASE(12)
    }
}

static __mmask16 rlterm_lanes(long count) {
    return count >= 16 ? (__mmask16)0xFFFF : count <= 0 ? (__mmask16)0 : (__mmask16)((1u << count) - 1);
}

/// Panels of A for a product that reads A across its rows (column_stride ≠ 1, as ∂L/∂W = xᵀ·g does): the 12
/// rows of each tile, for every p, side by side in 12 consecutive floats (the last panel padded), so a tile
/// reads one cache line per step of p where it read one line 4·column_stride bytes from the last. Each column
/// strip passes over all of A; unpacked, that was m·k floats in a stride the prefetchers do not follow.
/// The buffer is the calling thread's, grown when a larger product needs it and kept, so a training step
/// allocates nothing once the first has run.
static _Thread_local float *rlterm_panels;
static _Thread_local long rlterm_panel_capacity;

static RLTERM_AVX512 const float *rlterm_pack_panels_avx512(long m, long k, const float *a, long row_stride,
                                                            long column_stride) {
    const long needed = (m + 11) / 12 * 12 * k;
    if (needed > rlterm_panel_capacity) {
        float *grown = aligned_alloc(64, (size_t)((needed * 4 + 63) / 64 * 64));
        if (!grown) return NULL;
        free(rlterm_panels);
        rlterm_panels = grown;
        rlterm_panel_capacity = needed;
    }
    for (long row = 0; row < m; row += 12) {
        const long rows = m - row < 12 ? m - row : 12;
        float *panel = rlterm_panels + row * k;
        if (row_stride == 1) {
            const __mmask16 mask = rlterm_lanes(rows);
            for (long p = 0; p < k; p++)
                _mm512_mask_storeu_ps(panel + 12 * p, mask, _mm512_maskz_loadu_ps(mask, a + row + p * column_stride));
        } else {
            for (long p = 0; p < k; p++)
                for (long r = 0; r < rows; r++) panel[12 * p + r] = a[(row + r) * row_stride + p * column_stride];
        }
    }
    return rlterm_panels;
}

RLTERM_AVX512 void rlterm_gemm_avx512(long m, long n, long k, const float *a, long row_stride, long column_stride,
                                      const float *b, float *c, int start, const float *bias, bool relu) {
    struct rlterm_gemm g = {a, row_stride, row_stride, column_stride, b, c, n, k, start, bias, relu};
    // Packing pays when more than one column strip reads A; the products give the same bits either way.
    if (column_stride != 1 && n > 32 && m >= 12) {
        const float *panels = rlterm_pack_panels_avx512(m, k, a, row_stride, column_stride);
        if (panels) g = (struct rlterm_gemm){panels, k, 1, 12, b, c, n, k, start, bias, relu};
    }
    // Column strips of 32 outside, tiles of 12 rows inside: a strip of B (k × 128 bytes) stays in L1 while
    // every row tile of A passes over it, and 12 rows × 2 vectors use 24 accumulators.
    for (long column = 0; column < n; column += 32) {
        const long width = n - column < 32 ? n - column : 32;
        const int vectors = width > 16 ? 2 : 1;
        const __mmask16 mask0 = rlterm_lanes(width), mask1 = rlterm_lanes(width - 16);
        long row = 0;
        for (; row + 12 <= m; row += 12) {
            if (vectors == 2) rlterm_tile_avx512(&g, 12, 2, row, column, mask0, mask1);
            else rlterm_tile_avx512(&g, 12, 1, row, column, mask0, mask1);
        }
        if (row < m) rlterm_tile_rows_avx512(&g, (int)(m - row), vectors, row, column, mask0, mask1);
    }
}

#else
bool rlterm_cpu_has_avx2_fma(void) {
    return false;
}

bool rlterm_cpu_has_avx512(void) {
    return false;
}
#endif
