#ifndef RLTERM_CNCURSES_SHIM_H
#define RLTERM_CNCURSES_SHIM_H

// Wide-character curses: these must be set before curses.h is read, or cchar_t and the *_wch calls vanish.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

// Swift cannot import function-like macros; these wrappers expose the ones rlterm needs.
static inline int rlterm_lines(void) { return LINES; }
static inline int rlterm_cols(void) { return COLS; }
static inline int rlterm_colors(void) { return COLORS; }
static inline int rlterm_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *rlterm_stdscr(void) { return stdscr; }
static inline int rlterm_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int rlterm_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int rlterm_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
static inline int rlterm_attr_bold(void) { return (int)A_BOLD; }
static inline int rlterm_attr_reverse(void) { return (int)A_REVERSE; }
static inline int rlterm_attr_dim(void) { return (int)A_DIM; }
static inline int rlterm_key_resize(void) { return KEY_RESIZE; }
static inline int rlterm_key_up(void) { return KEY_UP; }
static inline int rlterm_key_down(void) { return KEY_DOWN; }
static inline int rlterm_key_left(void) { return KEY_LEFT; }
static inline int rlterm_key_right(void) { return KEY_RIGHT; }
static inline int rlterm_err(void) { return ERR; }

/// Starts curses on the process's own stdin/stdout (Swift 6 cannot touch the C globals stdin/stdout).
static inline SCREEN *rlterm_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

/// Whether the terminal can move its cursor to any cell (terminfo's `cup`); TERM=dumb cannot, and a
/// screen of panels cannot be drawn without it.
static inline bool rlterm_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

/// Writes one wide string at (y, x) with the given attributes and colour pair, clipped by curses to the
/// window; the window's own attributes are left as they were.
static inline int rlterm_put_wide(WINDOW *w, int y, int x, const wchar_t *text, int attributes, short pair) {
    attr_t old_attrs;
    short old_pair;
    wattr_get(w, &old_attrs, &old_pair, NULL);
    wattr_set(w, (attr_t)attributes, pair, NULL);
    int result = mvwaddwstr(w, y, x, text);
    wattr_set(w, old_attrs, old_pair, NULL);
    return result;
}

#endif
