#ifndef RISKSCORE_CZSTD_SHIM_H
#define RISKSCORE_CZSTD_SHIM_H

#include <zstd.h>
#include <zstd_errors.h>

#endif
