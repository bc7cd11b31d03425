#ifndef PREFLIGHT_SPAWN_H
#define PREFLIGHT_SPAWN_H

#include <sys/types.h>

/// Limits applied in the child between fork and exec. A value of 0 leaves that limit alone.
typedef struct {
    long cpu_seconds;
    long memory_bytes;
    long file_size_bytes;
} pf_limits;

/// Starts `path` with `argv` and `envp` in `cwd`, as the leader of a new process group, with
/// descriptor i of the child set to fds[i] for i < nfds (a negative entry means /dev/null),
/// every other descriptor closed, default signal handling, and the limits applied. Returns the
/// child's pid, or -errno when the program could not be started (exec's own error included).
pid_t pf_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
               const int *fds, int nfds, pf_limits limits);

/// Makes this process adopt orphaned descendants (Linux), so grandchildren an example leaves
/// behind can be reaped instead of lingering as zombies. Returns 0 on success.
int pf_become_subreaper(void);

/// Creates a pipe whose ends close on exec.
int pf_pipe_cloexec(int fds[2]);

#endif
