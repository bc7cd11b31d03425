#ifndef PREFLIGHT_SPAWN_H
#define PREFLIGHT_SPAWN_H

#include <sys/types.h>

/// Limits applied in the child between fork and exec. A value of 0 leaves that limit alone.
typedef struct {
    long cpu_seconds;
    long memory_bytes;
    long file_size_bytes;
    long processes;
} pf_limits;

/// Ways the child is set apart from the parent.
enum {
    /// A new session: no controlling terminal, so /dev/tty is out of reach, and its own
    /// process group.
    PF_NEW_SESSION = 1,
    /// Start the child as process 1 of a new PID namespace (needs CAP_SYS_ADMIN): when it ends,
    /// the kernel kills everything else in the namespace.
    PF_NEW_PID_NAMESPACE = 2,
};

/// Why a start failed: the step of the child's set-up that failed, and its errno.
typedef struct {
    char step[32];
    int error;
} pf_spawn_failure;

/// Starts `path` with `argv` and `envp` in `cwd`, done by the book: every signal is blocked
/// around the fork, the child resets every handler to the default before it unblocks them, and
/// each step of its set-up (session, cgroup, descriptors, limits, working folder, exec) is
/// checked; a failure is reported through a close-on-exec pipe as the step and its errno.
/// Descriptor i of the child is fds[i] for i < nfds (a negative entry means /dev/null); every
/// other descriptor is closed. The child first writes its pid to each of `cgroup_fds` (open
/// `cgroup.procs` files), so that everything it starts is counted against those cgroups.
/// Returns the child's pid, or -1 with `failure` filled in.
pid_t pf_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
               const int *fds, int nfds, pf_limits limits, int flags,
               const int *cgroup_fds, int ncgroups, pf_spawn_failure *failure);

/// Makes this process adopt orphaned descendants (Linux), so processes that the programs it
/// starts leave behind can be reaped and killed instead of escaping to init. 0 on success.
int pf_become_subreaper(void);

/// Creates a pipe whose ends close on exec. 0 on success.
int pf_pipe_cloexec(int fds[2]);

/// A connected pair of Unix stream sockets whose ends close on exec. 0 on success.
int pf_socketpair_cloexec(int fds[2]);

/// Sends `length` bytes on a Unix socket with up to 8 descriptors attached (SCM_RIGHTS).
/// Returns 0 when everything was sent, -1 with errno otherwise.
int pf_send_with_fds(int socket, const void *bytes, size_t length, const int *fds, int nfds);

/// The direct children of this process (all its threads), read from /proc. Returns how many
/// were written to `pids` (at most `capacity`), or -1 when /proc does not say.
int pf_list_children(pid_t *pids, int capacity);

#endif
