#include "CLibm.h"

#include <math.h>

// y is a parameter, so the compiler cannot fold a constant exponent into a multiplication here, and callers in
// other modules cannot see inside this function without link-time optimization.
double rlterm_libm_pow(double x, double y) {
    return pow(x, y);
}
