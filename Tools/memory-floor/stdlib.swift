// Swift with the standard library only (Glibc): prints "ready" and idles.
#if canImport(Glibc)
    import Glibc
#endif

print("ready")
fflush(stdout)
while true { sleep(1000) }
