// The floor of the C parts a service links: a libzmq REP socket bound on loopback (a port the
// kernel picks) and a SQLite database opened in WAL mode. Prints "ready" and idles.
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zmq.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: floor-c DATABASE\n"); return 2; }
    void *context = zmq_ctx_new();
    void *socket = zmq_socket(context, ZMQ_REP);
    if (zmq_bind(socket, "tcp://127.0.0.1:*") != 0) { perror("zmq_bind"); return 1; }
    sqlite3 *db;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) { fprintf(stderr, "sqlite3_open failed\n"); return 1; }
    char *error = NULL;
    if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v TEXT);"
                         "INSERT INTO t(v) VALUES('x'); SELECT count(*) FROM t;", NULL, NULL, &error) != SQLITE_OK) {
        fprintf(stderr, "sqlite: %s\n", error);
        return 1;
    }
    printf("ready\n");
    fflush(stdout);
    for (;;) pause();
}
