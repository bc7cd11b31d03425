// The child side of running an example. It lives in C because between fork and exec only
// async-signal-safe calls are allowed, and Swift cannot promise that of its own code.
#define _GNU_SOURCE
#include "preflight_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static void set_limit(int resource, long value) {
    if (value <= 0) return;
    struct rlimit limit = { (rlim_t)value, (rlim_t)value };
    setrlimit(resource, &limit);
}

/// Closes every descriptor from `first` up, except `keep`.
static void close_other_descriptors(int first, int keep) {
#if defined(__linux__) && defined(SYS_close_range)
    if (keep > first && syscall(SYS_close_range, first, keep - 1, 0) != 0) goto fallback;
    if (syscall(SYS_close_range, keep + 1, ~0U, 0) == 0) return;
fallback:
#endif
    for (int fd = first; fd < 4096; fd++) {
        if (fd != keep) close(fd);
    }
}

int pf_pipe_cloexec(int fds[2]) {
#ifdef __linux__
    return pipe2(fds, O_CLOEXEC);
#else
    if (pipe(fds) != 0) return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

pid_t pf_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
               const int *fds, int nfds, pf_limits limits) {
    if (nfds < 0 || nfds > 16) return -EINVAL;
    int report[2];
    if (pf_pipe_cloexec(report) != 0) return -errno;

    pid_t pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(report[0]);
        close(report[1]);
        return -saved;
    }
    if (pid == 0) {
        setpgid(0, 0);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        for (int sig = 1; sig < 32; sig++) {
            if (sig != SIGKILL && sig != SIGSTOP) signal(sig, SIG_DFL);
        }
        // Move every source (and the report pipe) above the targets first, so that a source
        // numbered like a target cannot be clobbered by an earlier dup2.
        int report_fd = fcntl(report[1], F_DUPFD_CLOEXEC, 64);
        int moved[16];
        for (int i = 0; i < nfds; i++) moved[i] = fds[i] >= 0 ? fcntl(fds[i], F_DUPFD, 64) : -1;
        for (int i = 0; i < nfds; i++) {
            if (moved[i] >= 0) {
                dup2(moved[i], i);
            } else {
                int devnull = open("/dev/null", i == 0 ? O_RDONLY : O_RDWR);
                if (devnull >= 0 && devnull != i) { dup2(devnull, i); close(devnull); }
            }
        }
        close_other_descriptors(nfds, report_fd);
        set_limit(RLIMIT_CPU, limits.cpu_seconds);
        set_limit(RLIMIT_AS, limits.memory_bytes);
        set_limit(RLIMIT_FSIZE, limits.file_size_bytes);
        struct rlimit no_core = { 0, 0 };
        setrlimit(RLIMIT_CORE, &no_core);
        if (cwd != NULL && chdir(cwd) != 0) {
            int err = errno;
            (void)!write(report_fd, &err, sizeof err);
            _exit(127);
        }
        execve(path, argv, envp);
        int err = errno;
        (void)!write(report_fd, &err, sizeof err);
        _exit(127);
    }

    // Both sides set the group, so a kill right after this returns cannot miss the child.
    setpgid(pid, pid);
    close(report[1]);
    int child_error = 0;
    ssize_t got;
    do {
        got = read(report[0], &child_error, sizeof child_error);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof child_error) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        return -child_error;
    }
    return pid;
}

int pf_become_subreaper(void) {
#ifdef __linux__
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
#else
    return -1;
#endif
}
