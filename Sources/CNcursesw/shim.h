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
static const int SS_ERR = ERR;
static const int SS_OK = OK;

// Globals Swift 6 rejects as not concurrency-safe, behind tiny accessors.
static inline WINDOW *ss_stdscr(void) { return stdscr; }
static inline int ss_colors(void) { return COLORS; }
static inline int ss_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *ss_stdout(void) { return stdout; }
static inline FILE *ss_stdin(void) { return stdin; }
static inline attr_t ss_color_pair(int n) { return COLOR_PAIR(n); }

#endif
