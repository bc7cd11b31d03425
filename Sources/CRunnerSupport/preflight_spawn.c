// The child side of starting a process. It lives in C because between fork and exec only
// async-signal-safe calls are allowed, and Swift cannot promise that of its own code: nothing
// here allocates, takes a lock or touches stdio after the fork.
#define _GNU_SOURCE
#include "preflight_spawn.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/// What the child writes to the report pipe when a step fails.
typedef struct {
    char step[32];
    int error;
} report_t;

static void copy_step(char *to, const char *step) {
    size_t i = 0;
    for (; step[i] != '\0' && i < 31; i++) to[i] = step[i];
    to[i] = '\0';
}

/// Reports the failed step to the parent and ends the child. Never returns.
static void fail(int report_fd, const char *step) {
    report_t report;
    memset(&report, 0, sizeof report);
    report.error = errno;
    copy_step(report.step, step);
    ssize_t ignored = write(report_fd, &report, sizeof report);
    (void)ignored;
    _exit(127);
}

static int set_limit(int resource, long value) {
    if (value <= 0) return 0;
    // The CPU limit's hard value one second later, so the process gets SIGXCPU at the limit
    // (and can be told apart from any other kill) before SIGKILL.
    struct rlimit limit = { (rlim_t)value, (rlim_t)value + (resource == RLIMIT_CPU ? 1 : 0) };
    return setrlimit(resource, &limit);
}

/// Closes every descriptor from `first` up, except `keep`.
static void close_other_descriptors(int first, int keep) {
#if defined(__linux__) && defined(SYS_close_range)
    if (keep > first && syscall(SYS_close_range, first, keep - 1, 0) != 0) goto fallback;
    if (syscall(SYS_close_range, keep + 1, ~0U, 0) == 0) return;
fallback:
#endif
    for (int fd = first; fd < 65536; fd++) {
        if (fd != keep) close(fd);
    }
}

/// Writes a decimal number without stdio (which may allocate or lock).
static int write_decimal(int fd, long value) {
    char digits[24];
    int at = (int)sizeof digits;
    do {
        digits[--at] = (char)('0' + value % 10);
        value /= 10;
    } while (value > 0 && at > 0);
    return write(fd, digits + at, sizeof digits - (size_t)at) < 0 ? -1 : 0;
}

/// The child, after the fork. Never returns.
static void child(const char *path, char *const argv[], char *const envp[], const char *cwd,
                  const int *fds, int nfds, pf_limits limits, int flags,
                  const int *cgroup_fds, int ncgroups, int report_fd) {
    // Handlers first, mask second: a signal that arrived while blocked must not run a handler
    // inherited from the parent.
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        signal(sig, SIG_DFL);
    }
    sigset_t none;
    sigemptyset(&none);
    if (sigprocmask(SIG_SETMASK, &none, NULL) != 0) fail(report_fd, "sigprocmask");
    for (int i = 0; i < ncgroups; i++) {
        if (write_decimal(cgroup_fds[i], (long)getpid()) != 0) fail(report_fd, "cgroup");
    }
    if ((flags & PF_NEW_SESSION) && setsid() < 0) fail(report_fd, "setsid");
    if (!(flags & PF_NEW_SESSION) && setpgid(0, 0) != 0) fail(report_fd, "setpgid");

    // Move the report pipe and every source above the targets first, so that a source numbered
    // like a target cannot be clobbered by an earlier dup2.
    int report = fcntl(report_fd, F_DUPFD_CLOEXEC, 64);
    if (report < 0) fail(report_fd, "fcntl");
    int moved[16];
    for (int i = 0; i < nfds; i++) {
        moved[i] = -1;
        if (fds[i] < 0) continue;
        moved[i] = fcntl(fds[i], F_DUPFD, 64 + nfds + 1);
        if (moved[i] < 0) fail(report, "fcntl");
    }
    for (int i = 0; i < nfds; i++) {
        int source = moved[i];
        if (source < 0) {
            source = open("/dev/null", i == 0 ? O_RDONLY : O_RDWR);
            if (source < 0) fail(report, "open /dev/null");
        }
        if (source != i) {
            if (dup2(source, i) < 0) fail(report, "dup2");
        } else if (fcntl(i, F_SETFD, 0) != 0) {
            fail(report, "fcntl");
        }
    }
    close_other_descriptors(nfds, report);

    if (set_limit(RLIMIT_CPU, limits.cpu_seconds) != 0) fail(report, "setrlimit RLIMIT_CPU");
    if (set_limit(RLIMIT_AS, limits.memory_bytes) != 0) fail(report, "setrlimit RLIMIT_AS");
    if (set_limit(RLIMIT_FSIZE, limits.file_size_bytes) != 0) fail(report, "setrlimit RLIMIT_FSIZE");
    if (set_limit(RLIMIT_NPROC, limits.processes) != 0) fail(report, "setrlimit RLIMIT_NPROC");
    struct rlimit no_core = { 0, 0 };
    if (setrlimit(RLIMIT_CORE, &no_core) != 0) fail(report, "setrlimit RLIMIT_CORE");
    if (cwd != NULL && chdir(cwd) != 0) fail(report, "chdir");
    execve(path, argv, envp);
    fail(report, "execve");
}

pid_t pf_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
               const int *fds, int nfds, pf_limits limits, int flags,
               const int *cgroup_fds, int ncgroups, pf_spawn_failure *failure) {
    memset(failure, 0, sizeof *failure);
    if (nfds < 0 || nfds > 16 || ncgroups < 0) {
        copy_step(failure->step, "arguments");
        failure->error = EINVAL;
        return -1;
    }
    int report[2];
    if (pf_pipe_cloexec(report) != 0) {
        copy_step(failure->step, "pipe");
        failure->error = errno;
        return -1;
    }
    // Blocked around the fork: a handler of this process must never run in the child.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t pid;
#ifdef __linux__
    if (flags & PF_NEW_PID_NAMESPACE) {
        // clone(2) with a new PID namespace, otherwise exactly a fork: the child is process 1
        // there, and only async-signal-safe system calls follow.
        pid = (pid_t)syscall(SYS_clone, (unsigned long)(CLONE_NEWPID | SIGCHLD), NULL, NULL, NULL, NULL);
    } else {
        pid = fork();
    }
#else
    pid = fork();
#endif
    if (pid == 0) {
        close(report[0]);
        child(path, argv, envp, cwd, fds, nfds, limits, flags, cgroup_fds, ncgroups, report[1]);
    }
    int fork_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(report[1]);
    if (pid < 0) {
        close(report[0]);
        copy_step(failure->step, (flags & PF_NEW_PID_NAMESPACE) ? "clone" : "fork");
        failure->error = fork_error;
        return -1;
    }
    report_t child_report;
    ssize_t got;
    do {
        got = read(report[0], &child_report, sizeof child_report);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof child_report) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        copy_step(failure->step, child_report.step);
        failure->error = child_report.error;
        return -1;
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

int pf_socketpair_cloexec(int fds[2]) {
#ifdef __linux__
    return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds);
#else
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

int pf_send_with_fds(int socket, const void *bytes, size_t length, const int *fds, int nfds) {
    if (nfds < 0 || nfds > 8 || length == 0) {
        errno = EINVAL;
        return -1;
    }
    union {
        struct cmsghdr header;
        char space[CMSG_SPACE(8 * sizeof(int))];
    } control;
    memset(&control, 0, sizeof control);
    const char *cursor = bytes;
    size_t left = length;
    int first = 1;
    while (left > 0) {
        struct iovec vector = { (void *)cursor, left };
        struct msghdr message;
        memset(&message, 0, sizeof message);
        message.msg_iov = &vector;
        message.msg_iovlen = 1;
        if (first && nfds > 0) {
            // The descriptors travel with the first byte of the message.
            message.msg_control = control.space;
            message.msg_controllen = CMSG_SPACE((size_t)nfds * sizeof(int));
            struct cmsghdr *header = CMSG_FIRSTHDR(&message);
            header->cmsg_level = SOL_SOCKET;
            header->cmsg_type = SCM_RIGHTS;
            header->cmsg_len = CMSG_LEN((size_t)nfds * sizeof(int));
            memcpy(CMSG_DATA(header), fds, (size_t)nfds * sizeof(int));
        }
        ssize_t sent = sendmsg(socket, &message, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        first = 0;
        cursor += sent;
        left -= (size_t)sent;
    }
    return 0;
}

int pf_list_children(pid_t *pids, int capacity) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", (int)getpid());
    DIR *tasks = opendir(path);
    if (tasks == NULL) return -1;
    int count = 0;
    int readable = 0;
    struct dirent *entry;
    while ((entry = readdir(tasks)) != NULL) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        char file[128];
        snprintf(file, sizeof file, "/proc/%d/task/%s/children", (int)getpid(), entry->d_name);
        FILE *list = fopen(file, "r");
        if (list == NULL) continue;
        readable = 1;
        int child_pid;
        while (fscanf(list, "%d", &child_pid) == 1) {
            if (count < capacity) pids[count] = child_pid;
            count++;
        }
        fclose(list);
    }
    closedir(tasks);
    if (!readable) return -1;
    return count < capacity ? count : capacity;
}
