// The physical floor of a site build on this machine (issue 17, docs/performance.md): create the same tree of files,
// with the same sizes, as a real build wrote, and nothing else — no reading, no rendering, no hashing. A build can
// never be faster than this; the bench prints how far from it we are.
//
//   find SITE -type f -printf '%s\t%P\n' | bench/write-floor DEST THREADS
//
// DEST must not exist (it is created). Prints "<files> <bytes> <seconds>" on standard output. Folders are made as
// needed (mkdir of each new parent, as a build does); files are written with open/write/close, no fsync (a build does
// not sync either). THREADS workers take contiguous slices of the list, as a build's parallel loops do.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct { long size; char *path; } entry;

static entry *entries;
static long count;
static const char *dest;
static char buffer[1 << 20];

static void make_parents(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); exit(1); }
            *p = '/';
        }
    }
}

static void write_file(const char *rel, long size) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dest, rel);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 && errno == ENOENT) {
        make_parents(path);
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
    if (fd < 0) { perror(path); exit(1); }
    while (size > 0) {
        long n = size < (long)sizeof buffer ? size : (long)sizeof buffer;
        ssize_t w = write(fd, buffer, (size_t)n);
        if (w <= 0) { perror(path); exit(1); }
        size -= w;
    }
    close(fd);
}

typedef struct { long from, to; } slice;

static void *worker(void *arg) {
    slice *s = arg;
    for (long i = s->from; i < s->to; i++) write_file(entries[i].path, entries[i].size);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: find SITE -type f -printf '%%s\\t%%P\\n' | %s DEST THREADS\n", argv[0]); return 2; }
    dest = argv[1];
    int threads = atoi(argv[2]);
    if (threads < 1) threads = 1;
    memset(buffer, 'x', sizeof buffer);

    long capacity = 1 << 16;
    entries = malloc(sizeof(entry) * capacity);
    char *line = NULL; size_t len = 0; ssize_t got;
    long total = 0;
    while ((got = getline(&line, &len, stdin)) > 0) {
        if (line[got - 1] == '\n') line[got - 1] = 0;
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = 0;
        if (count == capacity) { capacity *= 2; entries = realloc(entries, sizeof(entry) * capacity); }
        entries[count].size = atol(line);
        entries[count].path = strdup(tab + 1);
        total += entries[count].size;
        count++;
    }

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (mkdir(dest, 0755) != 0) { perror(dest); return 1; }
    pthread_t ids[64];
    slice slices[64];
    if (threads > 64) threads = 64;
    for (int t = 0; t < threads; t++) {
        slices[t].from = count * t / threads;
        slices[t].to = count * (t + 1) / threads;
        pthread_create(&ids[t], NULL, worker, &slices[t]);
    }
    for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%ld %ld %.3f\n", count, total, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    return 0;
}
