#ifndef PREFLIGHT_TERMINAL_H
#define PREFLIGHT_TERMINAL_H

/// Raw keyboard mode for the interactive screens, given back however the program ends. It lives
/// in C because the signal handlers that give the terminal back may only touch plain globals and
/// call async-signal-safe functions (tcsetattr, write, signal, raise).

/// Saves the terminal's mode on fd 0, switches it to raw mode, writes `enter` (the escape codes
/// that open the alternate screen) to fd 1, and installs handlers for SIGTERM, SIGHUP, SIGQUIT,
/// SIGINT and the crash signals that restore the terminal and then let the signal do its work.
/// `leave` (at most 63 bytes) is written when the terminal is given back. Returns 0, or -1 when
/// fd 0 is not a terminal.
int pf_term_enter_raw(const char *enter, const char *leave);

/// Gives the terminal back (mode, then `leave`) if it is still taken. Safe to call twice.
void pf_term_restore(void);

/// A descriptor that becomes readable when the terminal is resized (SIGWINCH); -1 before
/// pf_term_enter_raw. Read it empty with pf_term_drain_resize.
int pf_term_resize_fd(void);
void pf_term_drain_resize(void);

#endif
