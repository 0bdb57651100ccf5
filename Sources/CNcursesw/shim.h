#ifndef STREAMSTAGE_CNCURSESW_SHIM_H
#define STREAMSTAGE_CNCURSESW_SHIM_H

// Wide-character ncurses: these must come before the include.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/ncurses.h>

// Attributes are macros Swift cannot import; re-export them as constants.
static const attr_t SS_A_NORMAL = A_NORMAL;
static const attr_t SS_A_BOLD = A_BOLD;
static const attr_t SS_A_DIM = A_DIM;
static const attr_t SS_A_REVERSE = A_REVERSE;
static const attr_t SS_A_UNDERLINE = A_UNDERLINE;
static const int SS_KEY_RESIZE = KEY_RESIZE;
static const int SS_KEY_LEFT = KEY_LEFT;
static const int SS_KEY_RIGHT = KEY_RIGHT;
static const int SS_KEY_UP = KEY_UP;
static const int SS_KEY_DOWN = KEY_DOWN;
static const int SS_KEY_BTAB = KEY_BTAB;
static const int SS_KEY_BACKSPACE = KEY_BACKSPACE;
static const int SS_KEY_ENTER = KEY_ENTER;
static const int SS_KEY_F1 = KEY_F(1);
static const int SS_KEY_F12 = KEY_F(12);
static const int SS_KEY_HOME = KEY_HOME;
static const int SS_KEY_END = KEY_END;
static const int SS_KEY_NPAGE = KEY_NPAGE;
static const int SS_KEY_PPAGE = KEY_PPAGE;
static const int SS_KEY_DC = KEY_DC;
static const int SS_KEY_CODE_YES = KEY_CODE_YES;
static const int SS_ERR = ERR;
static const int SS_OK = OK;

// Globals Swift 6 rejects as not concurrency-safe, behind tiny accessors.
static inline WINDOW *ss_stdscr(void) { return stdscr; }
static inline int ss_colors(void) { return COLORS; }
static inline int ss_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *ss_stdout(void) { return stdout; }
static inline FILE *ss_stdin(void) { return stdin; }
static inline attr_t ss_color_pair(int n) { return COLOR_PAIR(n); }

// wcwidth is declared by <wchar.h> only for _XOPEN_SOURCE, which other modules' view of the
// header may lack; declare it here so the presenter can keep every cell one column wide.
extern int wcwidth(wchar_t c);
static inline int ss_wcwidth(wchar_t c) { return wcwidth(c); }

// tigetstr reports "not a string capability" as (char *)-1, which Swift cannot compare against.
static inline const char *ss_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return value == (char *)-1 ? NULL : value;
}

#endif
