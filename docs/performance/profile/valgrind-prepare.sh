# Sourced by the profile scripts: makes what Valgrind 3.19 (Debian 12) needs to run a Swift 6
# binary BIN, in OUT: the executable without its DWARF 5 debug info, as OUT/NAME (Valgrind's
# reader stops at form 0x25, "Possibly corrupted debuginfo"; the symbol table stays, so callgrind
# still names functions), and OUT/valgrind-sigsuspend.so to preload (see valgrind-sigsuspend.c:
# libdispatch's read-only sigsuspend mask). Needs gcc and objcopy.
#
#   . "$here/valgrind-prepare.sh" BIN OUT NAME
mkdir -p "$2"
gcc -O2 -shared -fPIC -o "$2/valgrind-sigsuspend.so" "$(dirname "${BASH_SOURCE[0]}")/valgrind-sigsuspend.c"
objcopy --strip-debug "$1" "$2/$3"
