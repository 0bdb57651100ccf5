// glibc's malloc tracing switches (mtrace, muntrace), for `streamstage bench`'s allocation count.
// Declarations only: nothing here defines or replaces an allocator. The tracing itself lives in
// glibc's libc_malloc_debug.so.0, which bench preloads into its counting process only.
#include <mcheck.h>
