// Test support: a real pseudo-terminal for end-to-end tests of the interactive screens.
#define _GNU_SOURCE
#include "test_pty.h"
#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

pid_t test_pty_spawn(const char *path, char *const argv[], char *const envp[], int rows, int cols, int *master, int *slave) {
    struct winsize size = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
    if (openpty(master, slave, NULL, NULL, &size) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        setsid();
        ioctl(*slave, TIOCSCTTY, 0);
        dup2(*slave, 0);
        dup2(*slave, 1);
        dup2(*slave, 2);
        if (*slave > 2) close(*slave);
        close(*master);
        execve(path, argv, envp);
        _exit(127);
    }
    fcntl(*master, F_SETFD, FD_CLOEXEC);
    fcntl(*slave, F_SETFD, FD_CLOEXEC);
    return pid;
}

int test_pty_is_cooked(int fd) {
    struct termios t;
    if (tcgetattr(fd, &t) != 0) return -1;
    return (t.c_lflag & ICANON) && (t.c_lflag & ECHO) ? 1 : 0;
}

int test_pty_resize(int master, int rows, int cols) {
    struct winsize size = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
    return ioctl(master, TIOCSWINSZ, &size);
}
