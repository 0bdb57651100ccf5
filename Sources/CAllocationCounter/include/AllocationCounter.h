#ifndef STREAMSTAGE_ALLOCATION_COUNTER_H
#define STREAMSTAGE_ALLOCATION_COUNTER_H

#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign) made by
/// the process so far. Counted by definitions of those functions linked into the executable,
/// which forward to glibc's own (`__libc_malloc` …).
uint64_t streamstage_allocation_count(void);

#endif
