#include "preflight_terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved;
static volatile sig_atomic_t taken = 0;
static char leave_sequence[64];
static size_t leave_length = 0;
static int resize_pipe[2] = { -1, -1 };
static int handlers_installed = 0;

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        bytes += written;
        length -= (size_t)written;
    }
}

void pf_term_restore(void) {
    if (!taken) return;
    taken = 0;
    tcsetattr(0, TCSAFLUSH, &saved);
    write_all(1, leave_sequence, leave_length);
}

static void on_fatal(int sig) {
    int saved_errno = errno;
    pf_term_restore();
    signal(sig, SIG_DFL);
    raise(sig);
    errno = saved_errno;
}

static void on_resize(int sig) {
    (void)sig;
    int saved_errno = errno;
    char byte = 1;
    if (resize_pipe[1] >= 0) (void)!write(resize_pipe[1], &byte, 1);
    errno = saved_errno;
}

static void install_handlers(void) {
    if (handlers_installed) return;
    handlers_installed = 1;
    if (pipe(resize_pipe) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(resize_pipe[i], F_SETFL, fcntl(resize_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(resize_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    const int fatal[] = { SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS };
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_fatal;
        sigemptyset(&action.sa_mask);
        sigaction(fatal[i], &action, NULL);
    }
    struct sigaction resize;
    memset(&resize, 0, sizeof resize);
    resize.sa_handler = on_resize;
    resize.sa_flags = SA_RESTART;
    sigemptyset(&resize.sa_mask);
    sigaction(SIGWINCH, &resize, NULL);
    atexit(pf_term_restore);
}

int pf_term_enter_raw(const char *enter, const char *leave) {
    if (taken) return 0;
    struct termios original;
    if (tcgetattr(0, &original) != 0) return -1;
    size_t length = strlen(leave);
    if (length >= sizeof leave_sequence) length = sizeof leave_sequence - 1;
    memcpy(leave_sequence, leave, length);
    leave_length = length;
    saved = original;
    struct termios raw = original;
    raw.c_lflag &= ~(tcflag_t)(ECHO | ICANON | ISIG | IEXTEN);
    raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL | BRKINT | INPCK | ISTRIP);
    raw.c_cflag |= CS8;
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    install_handlers();
    taken = 1;
    tcsetattr(0, TCSAFLUSH, &raw);
    write_all(1, enter, strlen(enter));
    return 0;
}

int pf_term_resize_fd(void) { return resize_pipe[0]; }

void pf_term_drain_resize(void) {
    char buffer[64];
    if (resize_pipe[0] < 0) return;
    while (read(resize_pipe[0], buffer, sizeof buffer) > 0) {}
}
