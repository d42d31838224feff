#ifndef CLIBM_H
#define CLIBM_H

/// libm's pow(x, y), called at run time. Swift's optimizer rewrites pow(x, 2) with a constant exponent into
/// x * x, which is correctly rounded where glibc's pow is not always; numpy's `x**2` calls glibc's pow, so
/// code that must match gymnasium bit for bit squares through this function.
double rlterm_libm_pow(double x, double y);

#endif
