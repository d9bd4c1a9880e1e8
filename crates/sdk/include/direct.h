#include <io.h> /* direct.h: io.h holds _mkdir, _getcwd, _chdir and _rmdir. Licence: MIT OR Apache-2.0. */
