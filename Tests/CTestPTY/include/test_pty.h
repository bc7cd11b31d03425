#ifndef TEST_PTY_H
#define TEST_PTY_H
#include <sys/types.h>

/// Starts `path` on a new pseudo-terminal of `rows` x `cols` as its controlling terminal.
/// Returns the pid, with the master side in *master and the slave side kept open in *slave so a
/// test can read the terminal's mode after the program exits. -1 on failure.
pid_t test_pty_spawn(const char *path, char *const argv[], char *const envp[], int rows, int cols, int *master, int *slave);

/// 1 when the terminal is in cooked mode (ICANON and ECHO set), 0 when raw, -1 on error.
int test_pty_is_cooked(int fd);

/// Changes the terminal size (the program receives SIGWINCH).
int test_pty_resize(int master, int rows, int cols);
#endif
