#ifndef ODOP_CZEROMQ_SHIM_H
#define ODOP_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
