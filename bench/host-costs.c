// What the machine charges for the two things a one-file edit does most (issue 17, docs/performance.md, "Point 2,
// twenty-fourth round"): first touches of memory and system calls. A clean build is bound by writing files (the write
// floor, bench/write-floor.c); an edit writes four files and is bound by these, so the edit ÷ clean ratio moves with
// them from one machine to the next. On a bare machine a fresh 4 KiB page costs ~0.1–0.3 µs and a system call ~0.1 µs;
// in some virtual machines they cost ten to a hundred times that.
//
//   bench/host-costs [MIB]
//
// Takes ~10 s (it waits between measures). Prints one "name value" line per measure (the unit is in the name), the
// memory ones each on MIB (default 64) of anonymous memory:
//   syscall_us           one getppid() (the cheapest system call), median of 9 batches of 20,000
//   fresh_page_us        first touch of a 4 KiB page never used by this process (huge pages advised off)
//   fresh_huge_page_us   the same with 2 MiB pages advised (madvise MADV_HUGEPAGE), per 4 KiB
//   reused_at_once_us    per 4 KiB page, huge pages advised, memory freed by this process a moment before
//   reused_after_3s_us   the same, freed 3 s before: a virtual machine that hands freed memory back to its host
//                        (free page reporting) charges this as fresh again; one that does not, as reused_at_once
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

// Maps size bytes, advises huge pages on or off, touches one byte per 4 KiB page, unmaps; µs per 4 KiB page.
static double touch(size_t size, int huge) {
    char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        exit(1);
    }
    madvise(p, size, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
    double t = now();
    for (size_t i = 0; i < size; i += 4096) {
        p[i] = 1;
    }
    double elapsed = now() - t;
    munmap(p, size);
    return elapsed * 1e6 / (size / 4096);
}

int main(int argc, char **argv) {
    size_t size = (size_t)(argc > 1 ? atol(argv[1]) : 64) << 20;
    if (size == 0) {
        fprintf(stderr, "usage: host-costs [MIB]\n");
        return 2;
    }

    double batches[9];
    for (int b = 0; b < 9; b++) {
        double t = now();
        for (int i = 0; i < 20000; i++) {
            getppid();
        }
        batches[b] = (now() - t) * 1e6 / 20000;
    }
    qsort(batches, 9, sizeof batches[0], compare);
    printf("syscall_us %.2f\n", batches[4]);

    // Each measure of fresh memory waits 3 s first, so that memory the measure before freed is not what it gets.
    sleep(3);
    printf("fresh_page_us %.2f\n", touch(size, 0));
    sleep(3);
    printf("fresh_huge_page_us %.2f\n", touch(size, 1));
    printf("reused_at_once_us %.2f\n", touch(size, 1));
    sleep(3);
    printf("reused_after_3s_us %.2f\n", touch(size, 1));
    return 0;
}
