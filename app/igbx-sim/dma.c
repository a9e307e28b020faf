/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dma.c - the device's view of host memory: IOVA is the physical address
 * (DPDK uses IOVA as PA with UIO), translated to this process's hugepage
 * mappings through /proc/self/pagemap; the hugepage files of the run's
 * other applications (a VF driven by another DPDK process) are mapped here
 * too. For the benchmark's dma mode, the
 * lines the device touched, evicted from the CPU caches on request.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

#include "platform.h"

#define HUGE_SHIFT	21			/* 2 MB pages */
#define HUGE_SIZE	(1ull << HUGE_SHIFT)
#define PM_PRESENT	(1ull << 63)
#define PM_PFN_MASK	((1ull << 55) - 1)

struct dma_page {
	uint64_t pa;		/* 2 MB aligned */
	uint8_t *va;
};

struct dma_table {
	unsigned int n;
	struct dma_page pages[];
};

static _Atomic(struct dma_table *) dma_table;
static pthread_mutex_t dma_rescan_lock = PTHREAD_MUTEX_INITIALIZER;
/* initial-exec: the library is preloaded, and the hot path must not call
 * __tls_get_addr per lookup
 */
static __thread const struct dma_page *dma_last
	__attribute__((tls_model("initial-exec")));

static int page_cmp(const void *a, const void *b)
{
	const struct dma_page *x = a, *y = b;

	return x->pa < y->pa ? -1 : x->pa > y->pa;
}

/* Adds the 2 MB pages of [lo, hi) that are present. */
static void add_range(struct dma_table **t, unsigned int *cap, int pm,
		      uintptr_t lo, uintptr_t hi)
{
	uint64_t ent;
	uintptr_t va;

	for (va = lo; va + HUGE_SIZE <= hi; va += HUGE_SIZE) {
		if (pread(pm, &ent, sizeof(ent), (va >> 12) * sizeof(ent)) !=
		    sizeof(ent) || !(ent & PM_PRESENT) || !(ent & PM_PFN_MASK))
			continue;
		if ((*t)->n == *cap) {
			*cap *= 2;
			*t = realloc(*t, sizeof(**t) + *cap * sizeof(struct dma_page));
		}
		(*t)->pages[(*t)->n].pa = ((ent & PM_PFN_MASK) << 12) & ~(HUGE_SIZE - 1);
		(*t)->pages[(*t)->n].va = (uint8_t *)va;
		(*t)->n++;
	}
}

#define DMA_MAX_FILES	8192	/* hugepage files of the run mapped here */

/*
 * Every DPDK application of the run keeps its hugepages as files in the
 * run's hugetlbfs mount (<run>/huge): another application's rings and
 * buffers (a VF's, in its own process) become reachable by mapping those
 * files here as well, sharing the pages. Each file is mapped once and
 * stays mapped; only files whose pages exist (a whole number of 2 MB
 * pages) are mapped, so that nothing new is allocated.
 */
static void dma_map_run_files(void)
{
	static ino_t seen[DMA_MAX_FILES];
	static unsigned int nb_seen;
	char dir[PATH_MAX], path[PATH_MAX + 256];
	struct dirent *e;
	struct stat st;
	unsigned int i;
	DIR *d;
	void *va;
	int fd;

	if (!sim_run_dir[0])
		return;
	snprintf(dir, sizeof(dir), "%s/huge", sim_run_dir);
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d)) != NULL && nb_seen < DMA_MAX_FILES) {
		if (e->d_name[0] == '.')
			continue;
		for (i = 0; i < nb_seen && seen[i] != e->d_ino; i++)
			;
		if (i < nb_seen)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		fd = sim_real_open(path, O_RDWR | O_CLOEXEC, 0);
		if (fd < 0)
			continue;
		if (fstat(fd, &st) == 0 && st.st_size > 0 &&
		    (uint64_t)st.st_size % HUGE_SIZE == 0 &&
		    (uint64_t)st.st_blocks * 512 >= (uint64_t)st.st_size) {
			va = sim_real_mmap(NULL, st.st_size, PROT_READ | PROT_WRITE,
					   MAP_SHARED | MAP_POPULATE, fd, 0);
			if (va != MAP_FAILED)
				seen[nb_seen++] = e->d_ino;
		}
		close(fd);
	}
	closedir(d);
}

/* Rebuilds the table from /proc/self/smaps: every mapping whose kernel page
 * size is 2 MB (hugetlbfs files, anonymous or memfd hugepages, whatever
 * DPDK's memory mode). Old tables are kept (not freed): another thread may
 * still be reading one, and rescans are rare.
 */
static void dma_rescan(void)
{
	unsigned long lo = 0, hi = 0, kps;
	unsigned int cap = 256;
	struct dma_table *t;
	char line[4096];
	FILE *smaps;
	int pm;

	dma_map_run_files();
	smaps = fopen("/proc/self/smaps", "re");
	pm = sim_real_open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC, 0);
	t = malloc(sizeof(*t) + cap * sizeof(struct dma_page));
	if (!smaps || pm < 0 || !t)
		goto out;
	t->n = 0;
	while (fgets(line, sizeof(line), smaps)) {
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2)
			continue;
		if (sscanf(line, "KernelPageSize: %lu kB", &kps) == 1 &&
		    kps * 1024 == HUGE_SIZE)
			add_range(&t, &cap, pm, lo, hi);
	}
	qsort(t->pages, t->n, sizeof(t->pages[0]), page_cmp);
	atomic_store(&dma_table, t);
	t = NULL;
out:
	free(t);
	if (smaps)
		fclose(smaps);
	if (pm >= 0)
		close(pm);
}

static const struct dma_page *dma_lookup_table(uint64_t pa)
{
	struct dma_table *t = atomic_load_explicit(&dma_table,
						   memory_order_acquire);
	unsigned int lo = 0, hi;

	if (!t)
		return NULL;
	hi = t->n;
	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		if (t->pages[mid].pa == pa)
			return &t->pages[mid];
		if (t->pages[mid].pa < pa)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The mapping of the 2 MB page holding pa, rescanning once on a miss. */
static const struct dma_page *dma_page_of(uint64_t pa)
{
	const struct dma_page *pg = dma_last;
	struct dma_table *before;

	pa &= ~(HUGE_SIZE - 1);
	if (pg && pg->pa == pa)
		return pg;
	pg = dma_lookup_table(pa);
	if (!pg) {
		before = atomic_load(&dma_table);
		pthread_mutex_lock(&dma_rescan_lock);
		if (atomic_load(&dma_table) == before)
			dma_rescan();
		pthread_mutex_unlock(&dma_rescan_lock);
		pg = dma_lookup_table(pa);
	}
	if (pg)
		dma_last = pg;
	return pg;
}

void *sim_dma_ptr(uint64_t iova, uint32_t len)
{
	const struct dma_page *pg = dma_page_of(iova);
	uint64_t in_page = iova & (HUGE_SIZE - 1);
	uint64_t done = HUGE_SIZE - in_page;
	uint8_t *va;

	if (!pg)
		return NULL;
	va = pg->va + in_page;
	/* the rest of the range must continue virtually contiguous */
	while (done < len) {
		const struct dma_page *next = dma_page_of(iova + done);

		if (!next || next->va != va + done)
			return NULL;
		done += HUGE_SIZE;
	}
	return va;
}

/* ---- the benchmark's dma mode: the lines the device touched ----------- */
#define DMA_LINE		64u
#define DMA_NOTED_MAX		8192u	/* lines between evictions; more are
					 * evicted early, and noted again if
					 * touched again */

static __thread bool dma_tracking __attribute__((tls_model("initial-exec")));
static uintptr_t dma_noted[DMA_NOTED_MAX];
static unsigned int dma_nb_noted;

void sim_dma_track(bool on)
{
	dma_tracking = on;
	dma_nb_noted = 0;
}

#if defined(__x86_64__)
/* CPUID.(EAX=7,ECX=0):EBX bit 23: CLFLUSHOPT, which need not wait for the
 * previous flush; CLFLUSH is the fallback.
 */
static bool dma_have_clflushopt(void)
{
	unsigned int a, b, c, d;

	return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 23));
}

__attribute__((target("clflushopt")))
static void dma_flush_opt(const uintptr_t *lines, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		_mm_clflushopt((void *)lines[i]);
}

static void dma_flush(const uintptr_t *lines, unsigned int n)
{
	static int opt = -1;

	if (opt < 0)
		opt = dma_have_clflushopt();
	if (opt) {
		dma_flush_opt(lines, n);
	} else {
		for (unsigned int i = 0; i < n; i++)
			_mm_clflush((void *)lines[i]);
	}
	/* the flushes are done before the caller's next access */
	_mm_mfence();
}
#else
static void dma_flush(const uintptr_t *lines, unsigned int n)
{
	(void)lines;
	(void)n;
}
#endif

unsigned int sim_dma_evict(void)
{
	unsigned int n = dma_nb_noted;

	dma_flush(dma_noted, n);
	dma_nb_noted = 0;
	return n;
}

/* A descriptor line is touched once per descriptor, four times, with
 * each frame's buffer in between: a look at the last few notes keeps it
 * (and the count sim_dma_evict() returns) to one.
 */
static bool dma_noted_recently(uintptr_t line)
{
	unsigned int i = dma_nb_noted, stop = i > 8 ? i - 8 : 0;

	while (i > stop)
		if (dma_noted[--i] == line)
			return true;
	return false;
}

void sim_dma_note(const volatile void *va, uint32_t len)
{
	uintptr_t line, end;

	if (!dma_tracking || len == 0)
		return;
	line = (uintptr_t)va & ~(uintptr_t)(DMA_LINE - 1);
	end = (uintptr_t)va + len;
	for (; line < end; line += DMA_LINE) {
		if (dma_noted_recently(line))
			continue;
		if (dma_nb_noted == DMA_NOTED_MAX)
			sim_dma_evict();
		dma_noted[dma_nb_noted++] = line;
	}
}

static int dma_copy(uint64_t iova, void *buf, uint32_t len, bool to_host)
{
	uint8_t *b = buf;

	while (len) {
		uint64_t in_page = iova & (HUGE_SIZE - 1);
		uint32_t chunk = HUGE_SIZE - in_page < len ?
				 (uint32_t)(HUGE_SIZE - in_page) : len;
		const struct dma_page *pg = dma_page_of(iova);

		if (!pg)
			return -1;
		if (to_host)
			memcpy(pg->va + in_page, b, chunk);
		else
			memcpy(b, pg->va + in_page, chunk);
		sim_dma_note(pg->va + in_page, chunk);
		iova += chunk;
		b += chunk;
		len -= chunk;
	}
	return 0;
}

int sim_dma_read(uint64_t iova, void *dst, uint32_t len)
{
	return dma_copy(iova, dst, len, false);
}

int sim_dma_write(uint64_t iova, const void *src, uint32_t len)
{
	return dma_copy(iova, (void *)(uintptr_t)src, len, true);
}
