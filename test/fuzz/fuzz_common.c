/* SPDX-License-Identifier: BSD-3-Clause */
/* fuzz_common.c - EAL set-up, the fake device, and the malloc-backed allocators that
 * fuzz_alloc.h substitutes into the driver's queue code. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memzone.h>

#include "igbx_ethdev.h"
#include "fuzz_common.h"

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "FUZZ FAILURE: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	abort();
}

void
fuzz_eal_init(void)
{
	static bool done;
	char *args[] = { "igbx_fuzz", "--no-huge", "--no-pci", "-m", "128", "--no-shconf",
			 "--iova-mode=va", "--no-telemetry", "--log-level=*:crit", NULL };

	if (done)
		return;
	if (rte_eal_init(RTE_DIM(args) - 1, args) < 0)
		fuzz_fail("rte_eal_init: %s", rte_strerror(rte_errno));
	done = true;
}

struct rte_eth_dev *
fuzz_dev_create(const char *name)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocate(name);
	struct igbx_adapter *ad = calloc(1, sizeof(*ad));

	if (dev == NULL || ad == NULL)
		fuzz_fail("cannot create the fake device %s", name);
	ad->hw.hw_addr = calloc(1, FUZZ_BAR0_SIZE);
	dev->data->dev_private = ad;
	dev->data->rx_queues = calloc(RTE_MAX_QUEUES_PER_PORT, sizeof(void *));
	dev->data->tx_queues = calloc(RTE_MAX_QUEUES_PER_PORT, sizeof(void *));
	dev->data->mac_addrs = calloc(IGBX_RAR_ENTRIES, sizeof(struct rte_ether_addr));
	dev->data->nb_rx_queues = 1;
	dev->data->nb_tx_queues = 1;
	dev->data->mtu = RTE_ETHER_MTU;
	return dev;
}

uint32_t
fuzz_reg(struct rte_eth_dev *dev, uint32_t off)
{
	return *(volatile uint32_t *)(IGBX_DEV_HW(dev)->hw_addr + off);
}

/* ---- the allocators fuzz_alloc.h puts into igbx_rxtx*.c ------------------------ */

void *fuzz_zmalloc_socket(const char *type, size_t size, unsigned int align, int socket);
void fuzz_free(void *ptr);
const struct rte_memzone *fuzz_dma_zone_reserve(const struct rte_eth_dev *dev,
						const char *name, uint16_t queue_id,
						size_t size, unsigned int align, int socket);
int fuzz_memzone_free(const struct rte_memzone *mz);

void *
fuzz_zmalloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	void *p = NULL;

	(void)type;
	(void)socket;
	if (align < sizeof(void *))
		align = sizeof(void *);
	if (posix_memalign(&p, align, size ? size : 1) != 0)
		return NULL;
	memset(p, 0, size);
	return p;
}

void
fuzz_free(void *ptr)
{
	free(ptr);
}

/* A ring of exactly `size` bytes (IOVA = VA): ASan flags any descriptor read past it. */
const struct rte_memzone *
fuzz_dma_zone_reserve(const struct rte_eth_dev *dev, const char *name, uint16_t queue_id,
		      size_t size, unsigned int align, int socket)
{
	struct rte_memzone *mz = calloc(1, sizeof(*mz));

	(void)dev;
	(void)queue_id;
	(void)socket;
	if (mz == NULL)
		return NULL;
	mz->addr = fuzz_zmalloc_socket(name, size, align, 0);
	if (mz->addr == NULL) {
		free(mz);
		return NULL;
	}
	snprintf(mz->name, sizeof(mz->name), "%s", name);
	mz->iova = (rte_iova_t)(uintptr_t)mz->addr;
	mz->len = size;
	return mz;
}

int
fuzz_memzone_free(const struct rte_memzone *mz)
{
	if (mz == NULL)
		return -EINVAL;
	free(mz->addr);
	free((void *)(uintptr_t)mz);
	return 0;
}
