// Preloaded into a Swift service run under Valgrind 3.19 (instructions.sh). libdispatch's main
// thread parks in `sigsuspend(&mask)` with `static const sigset_t mask` in its read-only data;
// Valgrind's rt_sigsuspend wrapper removes its own signal from the caller's mask in place and
// dies on the write (internal SIGSEGV, si_code 2, at libdispatch's `_dispatch_sigsuspend.mask`).
// This sigsuspend hands the kernel a writable copy of the mask instead; nothing else changes.
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
