/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * scenario_app.h - what the one-port scenario programs (igbx_features.c,
 * igbx_hsplit.c) share with the tests that drive them: EAL and the scenario
 * name from the command line, the "driver <name>" line the test waits for,
 * and "PAUSE <tag>", which holds the program until the test sends a line.
 */
#ifndef IGBX_SCENARIO_APP_H
#define IGBX_SCENARIO_APP_H

#include <stdio.h>
#include <stdlib.h>

#include <rte_eal.h>
#include <rte_ethdev.h>

/* The scenario named after "--", once EAL is up and a port is there; NULL,
 * with `usage` on stderr, otherwise. */
static inline const char *
scenario_init(int argc, char **argv, const char *usage)
{
	int n = rte_eal_init(argc, argv);

	if (n < 0) {
		fprintf(stderr, "EAL init failed\n");
		return NULL;
	}
	argc -= n;
	argv += n;
	if (argc < 2 || rte_eth_dev_count_avail() < 1) {
		fprintf(stderr, "usage: %s\n", usage);
		return NULL;
	}
	return argv[1];
}

/* Fills info for port and prints "driver <name>"; 0, or -1 when ethdev has
 * no info. */
static inline int
scenario_driver_info(uint16_t port, struct rte_eth_dev_info *info)
{
	if (rte_eth_dev_info_get(port, info) != 0)
		return -1;
	printf("driver %s\n", info->driver_name);
	fflush(stdout);
	return 0;
}

/* Tells the test where we are and waits for its line on stdin (gone: the
 * test gave up, so do we). */
static inline void
pause_for_test(const char *tag)
{
	char line[64];

	printf("PAUSE %s\n", tag);
	fflush(stdout);
	if (fgets(line, sizeof(line), stdin) == NULL)
		exit(3);
}

#endif /* IGBX_SCENARIO_APP_H */
