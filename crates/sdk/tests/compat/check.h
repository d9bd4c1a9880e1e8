// The CHECK macro of the compat tests: on failure, prints the line and exits non-zero.
#pragma once
#include <stdio.h>
#include <stdlib.h>
#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);               \
            exit(1);                                                                               \
        }                                                                                          \
    } while (0)
