/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_features.c - one port's optional features through the ethdev API, for
 * test/sim/test_features.py: MAC loopback (lpbk_mode), LED control, the
 * device clock (read_clock), the RX/TX descriptor and private dumps and the
 * per-queue counters with their stats mapping.
 *
 * Runs inside igbx-sim on port 0:
 *   igbx-sim --ports 1 --wire none -- igbx_features <EAL args> -- <scenario>
 * Prints "RESULT <what> key=value ..." lines for the test to check, and at
 * "PAUSE <tag>" waits for a line on stdin, so that the test can look at the
 * device (registers, LEDs, wire capture) in that state.
 */
#include <errno.h>
#include <limits.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_power_intrinsics.h>
#include <rte_version.h>

#include "scenario_app.h"

#define P		0
#define NB_DESC		512
#define FRAME_LEN	64	/* without FCS */
#define ETHERTYPE_TEST	0x88B5	/* IEEE 802 local experimental */

static struct rte_mempool *pool;

static uint64_t rx_offloads;	/* what port_start asks for */
static uint16_t tx_rs_thresh;	/* 0: the driver's default, else RS groups of this */

static int
port_start_queues(uint8_t lpbk_mode, uint16_t nb_txq)
{
	struct rte_eth_conf conf;
	struct rte_eth_txconf txconf;
	struct rte_eth_dev_info info;
	uint16_t q;
	int ret;

	memset(&conf, 0, sizeof(conf));
	memset(&txconf, 0, sizeof(txconf));
	if (tx_rs_thresh != 0 && rte_eth_dev_info_get(P, &info) == 0) {
		txconf = info.default_txconf;
		txconf.tx_rs_thresh = tx_rs_thresh;
		txconf.tx_free_thresh = tx_rs_thresh;
	}
	conf.lpbk_mode = lpbk_mode;
	conf.rxmode.offloads = rx_offloads;
	ret = rte_eth_dev_configure(P, 1, nb_txq, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL, pool);
	for (q = 0; q < nb_txq && ret == 0; q++)
		ret = rte_eth_tx_queue_setup(P, q, NB_DESC, SOCKET_ID_ANY,
					     tx_rs_thresh != 0 ? &txconf : NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(P);
	if (ret != 0)
		printf("RESULT start lpbk_mode=%u ret=%d\n", lpbk_mode, ret);
	return ret;
}

static int
port_start(uint8_t lpbk_mode)
{
	return port_start_queues(lpbk_mode, 1);
}

/* Frame seq: to our own address, the payload a pattern of seq. */
static struct rte_mbuf *
make_frame(uint16_t seq)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);
	struct rte_ether_hdr *eh;
	uint8_t *payload;
	unsigned int i;

	if (m == NULL)
		return NULL;
	eh = (struct rte_ether_hdr *)rte_pktmbuf_append(m, FRAME_LEN);
	if (eh == NULL) {
		rte_pktmbuf_free(m);
		return NULL;
	}
	rte_eth_macaddr_get(P, &eh->dst_addr);
	eh->src_addr = (struct rte_ether_addr){ .addr_bytes = { 0x02, 0, 0, 0, 0, 0x01 } };
	eh->ether_type = rte_cpu_to_be_16(ETHERTYPE_TEST);
	payload = (uint8_t *)(eh + 1);
	for (i = 0; i < FRAME_LEN - sizeof(*eh); i++)
		payload[i] = (uint8_t)(seq + i);
	return m;
}

static unsigned int
send_frames_on(uint16_t txq, uint16_t first, uint16_t n)
{
	struct rte_mbuf *m[64];
	uint16_t i, sent;

	for (i = 0; i < n; i++) {
		m[i] = make_frame((uint16_t)(first + i));
		if (m[i] == NULL)
			break;
	}
	n = i;
	sent = rte_eth_tx_burst(P, txq, m, n);
	rte_pktmbuf_free_bulk(&m[sent], n - sent);
	return sent;
}

static unsigned int
send_frames(uint16_t first, uint16_t n)
{
	return send_frames_on(0, first, n);
}

/* Receives for up to ms; counts frames and those equal to one we sent. */
static void
receive_frames(unsigned int ms, uint16_t first, uint16_t n, unsigned int *received,
	       unsigned int *matched)
{
	uint64_t end = rte_get_timer_cycles() + rte_get_timer_hz() * ms / 1000;
	struct rte_mbuf *m[32], *want;
	uint16_t i, nb;

	*received = *matched = 0;
	while (rte_get_timer_cycles() < end && *matched < n) {
		nb = rte_eth_rx_burst(P, 0, m, RTE_DIM(m));
		for (i = 0; i < nb; i++) {
			uint8_t *got = rte_pktmbuf_mtod(m[i], uint8_t *);
			uint16_t seq = got[sizeof(struct rte_ether_hdr)];

			(*received)++;
			want = make_frame(seq);
			if (want != NULL && m[i]->pkt_len == FRAME_LEN &&
			    (uint16_t)(seq - first) < n &&
			    memcmp(got, rte_pktmbuf_mtod(want, uint8_t *), FRAME_LEN) == 0)
				(*matched)++;
			rte_pktmbuf_free(want);
			rte_pktmbuf_free(m[i]);
		}
		if (nb == 0)
			rte_delay_us(100);
	}
}

static void
print_link(const char *what)
{
	struct rte_eth_link link;
	unsigned int i;

	for (i = 0; i < 30; i++) {
		if (rte_eth_link_get_nowait(P, &link) != 0)
			memset(&link, 0, sizeof(link));
		if (link.link_status)
			break;
		rte_delay_ms(100);
	}
	printf("RESULT %s link=%s speed=%u duplex=%s\n", what,
	       link.link_status ? "up" : "down", link.link_speed,
	       link.link_duplex ? "full" : "half");
}

/* lpbk_mode 1: what the port sends comes back to it; lpbk_mode 0: it does not. */
static int
scenario_loopback(void)
{
	unsigned int sent, received, matched;

	if (port_start(1) != 0)
		return 1;
	print_link("lpbk");
	pause_for_test("lpbk");
	sent = send_frames(0, 32);
	receive_frames(2000, 0, 32, &received, &matched);
	printf("RESULT lpbk sent=%u received=%u matched=%u\n", sent, received, matched);
	pause_for_test("lpbk-sent");
	rte_eth_dev_stop(P);
	if (port_start(0) != 0)
		return 1;
	print_link("nolpbk");
	pause_for_test("nolpbk");
	sent = send_frames(100, 16);
	receive_frames(1000, 100, 16, &received, &matched);
	printf("RESULT nolpbk sent=%u received=%u matched=%u\n", sent, received, matched);
	pause_for_test("nolpbk-sent");
	return 0;
}

/* LEDs on, off, then the port closed. */
static int
scenario_led(void)
{
	if (port_start(0) != 0)
		return 1;
	pause_for_test("led-started");
	printf("RESULT led_on ret=%d\n", rte_eth_led_on(P));
	pause_for_test("led-on");
	printf("RESULT led_off ret=%d\n", rte_eth_led_off(P));
	pause_for_test("led-off");
	printf("RESULT led_on ret=%d\n", rte_eth_led_on(P));
	rte_eth_dev_stop(P);
	rte_eth_dev_close(P);
	pause_for_test("led-closed");
	return 0;
}

/* read_clock before and after time sync runs SYSTIM, against read_time. */
static int
scenario_clock(void)
{
	uint64_t c1 = 0, c2 = 0;
	struct timespec ts;
	int r0, r1, r2, rt;

	if (port_start(0) != 0)
		return 1;
	r0 = rte_eth_read_clock(P, &c1);
	printf("RESULT clock_stopped ret=%d\n", r0);
	printf("RESULT timesync_enable ret=%d\n", rte_eth_timesync_enable(P));
	r1 = rte_eth_read_clock(P, &c1);
	rt = rte_eth_timesync_read_time(P, &ts);
	usleep(20000);
	r2 = rte_eth_read_clock(P, &c2);
	printf("RESULT clock ret1=%d ret2=%d rt=%d c1=%" PRIu64 " time=%" PRIu64
	       " c2=%" PRIu64 "\n", r1, r2, rt, c1,
	       (uint64_t)ts.tv_sec * UINT64_C(1000000000) + (uint64_t)ts.tv_nsec, c2);
	return 0;
}

/* Parse "idx: 0xW0 0xW1" lines of a descriptor dump. */
static unsigned int
parse_dump(char *text, uint64_t w0[], uint64_t w1[], unsigned int max)
{
	unsigned int n = 0, idx;
	char *line, *save = NULL;

	for (line = strtok_r(text, "\n", &save); line != NULL && n < max;
	     line = strtok_r(NULL, "\n", &save))
		if (sscanf(line, " %u: 0x%" SCNx64 " 0x%" SCNx64, &idx, &w0[n], &w1[n]) == 3)
			n++;
	return n;
}

/* Descriptors of frames sent and looped back (not yet received), as dumped. */
static int
scenario_dump(void)
{
	uint64_t w0[8], w1[8];
	char *buf = NULL;
	size_t len = 0;
	unsigned int i, n, sent;
	FILE *f;
	int ret;

	if (port_start(1) != 0)
		return 1;
	print_link("dump");
	sent = send_frames(0, 4);
	rte_delay_ms(200);
	/* RX: offset 0 is the next descriptor the driver will look at */
	f = open_memstream(&buf, &len);
	ret = rte_eth_rx_descriptor_dump(P, 0, 0, 4, f);
	fclose(f);
	printf("%s", buf);
	n = parse_dump(buf, w0, w1, 4);
	free(buf);
	printf("RESULT rxdump ret=%d sent=%u lines=%u", ret, sent, n);
	/* write-back: status_error in bits 31:0 of word 1 (DD bit 0), length 47:32 */
	for (i = 0; i < n; i++)
		printf(" dd%u=%u len%u=%u", i, (unsigned int)(w1[i] & 1), i,
		       (unsigned int)((w1[i] >> 32) & 0xffff));
	printf("\n");
	/* TX: offset counts from the tail; the last 4 sent are just before it */
	f = open_memstream(&buf, &len);
	ret = rte_eth_tx_descriptor_dump(P, 0, NB_DESC - 4, 4, f);
	fclose(f);
	printf("%s", buf);
	n = parse_dump(buf, w0, w1, 4);
	free(buf);
	printf("RESULT txdump ret=%d lines=%u", ret, n);
	/* data descriptor: DTALEN bits 15:0 of word 1, DCMD.EOP bit 24 */
	for (i = 0; i < n; i++)
		printf(" len%u=%u eop%u=%u", i, (unsigned int)(w1[i] & 0xffff), i,
		       (unsigned int)((w1[i] >> 24) & 1));
	printf("\n");
	f = open_memstream(&buf, &len);
	ret = rte_eth_dev_priv_dump(P, f);
	fclose(f);
	printf("%s", buf);
	printf("RESULT privdump ret=%d rctl=%s\n", ret, strstr(buf, "RCTL") ? "yes" : "no");
	free(buf);
	return 0;
}

static uint64_t
xstat(const char *name)
{
	uint64_t id, value = UINT64_MAX;

	if (rte_eth_xstats_get_id_by_name(P, name, &id) == 0)
		rte_eth_xstats_get_by_id(P, &id, &value, 1);
	return value;
}

/* Count a queue in statistics set stat_idx. 25.11 deprecates the ethdev
 * calls (per-queue sets became xstats) but still passes them to the driver's
 * queue_stats_mapping_set, which is what this scenario checks. */
static int
map_queue_stats(uint16_t queue, uint8_t stat_idx, bool rx)
{
#if RTE_VERSION >= RTE_VERSION_NUM(25, 11, 0, 0)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
	return rx ? rte_eth_dev_set_rx_queue_stats_mapping(P, queue, stat_idx) :
		    rte_eth_dev_set_tx_queue_stats_mapping(P, queue, stat_idx);
#if RTE_VERSION >= RTE_VERSION_NUM(25, 11, 0, 0)
#pragma GCC diagnostic pop
#endif
}

/* Packets counted in per-queue statistics set idx. 25.11 took the sets out
 * of struct rte_eth_stats; ethdev shows them as rx_qN/tx_qN xstats there. */
static uint64_t
qset_packets(const struct rte_eth_stats *st, bool rx, unsigned int idx)
{
#if RTE_VERSION >= RTE_VERSION_NUM(25, 11, 0, 0)
	char name[RTE_ETH_XSTATS_NAME_SIZE];

	RTE_SET_USED(st);
	snprintf(name, sizeof(name), "%s_q%u_packets", rx ? "rx" : "tx", idx);
	return xstat(name);
#else
	return rx ? st->q_ipackets[idx] : st->q_opackets[idx];
#endif
}

/*
 * Per-queue counters: 10 frames on TX queue 0, 20 on TX queue 1, all looped
 * back to RX queue 0; TX queue 1 counted in set 5, RX queue 0 in set 3.
 */
static int
scenario_qstats(void)
{
	struct rte_eth_stats st;
	unsigned int received, matched;
	int m1, m2;

	if (port_start_queues(1, 2) != 0)
		return 1;
	m1 = map_queue_stats(1, 5, false);
	m2 = map_queue_stats(0, 3, true);
	send_frames_on(0, 0, 10);
	send_frames_on(1, 10, 20);
	receive_frames(2000, 0, 30, &received, &matched);
	if (rte_eth_stats_get(P, &st) != 0)
		return 1;
	printf("RESULT qmap ret_tx=%d ret_rx=%d received=%u q_opackets0=%" PRIu64
	       " q_opackets1=%" PRIu64 " q_opackets5=%" PRIu64 " q_ipackets0=%" PRIu64
	       " q_ipackets3=%" PRIu64 "\n", m1, m2, received,
	       qset_packets(&st, false, 0), qset_packets(&st, false, 1),
	       qset_packets(&st, false, 5), qset_packets(&st, true, 0),
	       qset_packets(&st, true, 3));
	printf("RESULT qhw tx0=%" PRIu64 " tx1=%" PRIu64 " tx0_bytes=%" PRIu64
	       " tx1_bytes=%" PRIu64 " rx0=%" PRIu64 " rx0_bytes=%" PRIu64 " rx1=%" PRIu64
	       " rx0_mc=%" PRIu64 "\n", xstat("tx_q0_hw_packets"), xstat("tx_q1_hw_packets"),
	       xstat("tx_q0_hw_bytes"), xstat("tx_q1_hw_bytes"), xstat("rx_q0_hw_packets"),
	       xstat("rx_q0_hw_bytes"), xstat("rx_q1_hw_packets"),
	       xstat("rx_q0_hw_multicast_packets"));
	return 0;
}

/* Count looped-back frames until all n0 of TX queue 0 are in (or ms pass):
 * returns queue 1's count at that moment; *n1 then gets queue 1's total
 * after up to 2 s more. Queue 0 sent payload seqs below split. */
static unsigned int
receive_split(unsigned int ms, unsigned int split, unsigned int n0, unsigned int n1_want,
	      unsigned int *got0, unsigned int *n1)
{
	uint64_t hz = rte_get_timer_hz(), end = rte_get_timer_cycles() + hz * ms / 1000;
	unsigned int at_q0_done = UINT_MAX;
	struct rte_mbuf *m[32];
	uint16_t i, nb;

	*got0 = *n1 = 0;
	while (rte_get_timer_cycles() < end) {
		nb = rte_eth_rx_burst(P, 0, m, RTE_DIM(m));
		for (i = 0; i < nb; i++) {
			uint8_t seq = rte_pktmbuf_mtod(m[i], uint8_t *)[sizeof(struct rte_ether_hdr)];

			if (seq < split)
				(*got0)++;
			else
				(*n1)++;
			rte_pktmbuf_free(m[i]);
		}
		if (*got0 == n0 && at_q0_done == UINT_MAX) {
			at_q0_done = *n1;
			end = rte_get_timer_cycles() + hz * 2;
		}
		if (at_q0_done != UINT_MAX && *n1 == n1_want)
			break;
	}
	return at_q0_done;
}

/*
 * Rate limits: programming (the test reads the device's per-queue factors),
 * then the effect: queue 1 limited to 1 Mb/s, queue 0 free; queue 0's 64
 * frames are all back while most of queue 1's 192 still wait, and those
 * arrive later.
 */
static int
scenario_ratelimit(void)
{
	unsigned int got0, n1, at_done;
	int ret0, ret1;

	if (port_start_queues(1, 2) != 0)
		return 1;
	print_link("rate");
	ret0 = rte_eth_set_queue_rate_limit(P, 0, 0);
	ret1 = rte_eth_set_queue_rate_limit(P, 1, 300);
	printf("RESULT rate_set q0=%d q1=%d\n", ret0, ret1);
	printf("RESULT rate_bad queue=%d rate=%d\n", rte_eth_set_queue_rate_limit(P, 2, 100),
	       rte_eth_set_queue_rate_limit(P, 1, 2000));
	pause_for_test("rate-set");
	printf("RESULT rate_set1 q1=%d\n", rte_eth_set_queue_rate_limit(P, 1, 1));
	pause_for_test("rate-slow");
	send_frames_on(1, 64, 64);
	send_frames_on(1, 128, 64);
	send_frames_on(1, 192, 64);
	send_frames_on(0, 0, 64);
	at_done = receive_split(2000, 64, 64, 192, &got0, &n1);
	printf("RESULT rate_effect q0=%u q1_when_q0_done=%u q1=%u\n", got0, at_done, n1);
	/* the device reset of dev_start does not lose the limit */
	rte_eth_dev_stop(P);
	printf("RESULT rate_restart ret=%d\n", rte_eth_dev_start(P));
	pause_for_test("rate-restarted");
	printf("RESULT rate_off q1=%d\n", rte_eth_set_queue_rate_limit(P, 1, 0));
	pause_for_test("rate-off");
	return 0;
}

static void
print_desc_status(const char *tag, unsigned int n)
{
	printf("RESULT %s tx_free=%d tx_first=%d tx_last=%d rx_count=%d rx0=%d rxn=%d\n", tag,
	       rte_eth_tx_descriptor_status(P, 0, 0),
	       rte_eth_tx_descriptor_status(P, 0, NB_DESC - n),
	       rte_eth_tx_descriptor_status(P, 0, NB_DESC - 1),
	       rte_eth_rx_queue_count(P, 0), rte_eth_rx_descriptor_status(P, 0, 0),
	       rte_eth_rx_descriptor_status(P, 0, n));
}

/*
 * TX descriptor status and RX queue count: 40 frames sent while the test
 * holds the device's TX engine (ctl fault txstall), then released; looped
 * back, they wait in the RX ring (not received). Status values are
 * RTE_ETH_TX_DESC_FULL 0 / DONE 1, RTE_ETH_RX_DESC_AVAIL 0 / DONE 1.
 * A sent descriptor reads DONE once the RS of its group came back, so the
 * queue asks for RS groups of 32 (igbx's default, 128 on this ring, would
 * leave all 40 in one open group; the stock driver sets RS on each frame).
 */
static int
scenario_desc_status(void)
{
	tx_rs_thresh = 32;
	if (port_start(1) != 0)
		return 1;
	print_link("desc");
	pause_for_test("desc-stall");
	printf("RESULT desc sent=%u\n", send_frames(0, 40));
	rte_delay_ms(100);
	print_desc_status("desc_stalled", 40);
	pause_for_test("desc-release");
	rte_delay_ms(300);
	print_desc_status("desc_released", 40);
	return 0;
}

/* IEEE 802.3 FCS: CRC-32, reflected, sent least significant byte first. */
static uint32_t
ether_fcs(const uint8_t *p, uint32_t len)
{
	uint32_t crc = 0xFFFFFFFFu;
	unsigned int b;

	while (len--) {
		crc ^= *p++;
		for (b = 0; b < 8; b++)
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
	}
	return ~crc;
}

/* KEEP_CRC: frames the test injects keep their 4-byte FCS, and it is right. */
static int
scenario_keep_crc(void)
{
	struct rte_mbuf *m[32];
	unsigned int n = 0, good = 0, i;
	uint64_t end;
	uint16_t nb;

	rx_offloads = RTE_ETH_RX_OFFLOAD_KEEP_CRC;
	if (port_start(0) != 0)
		return 1;
	pause_for_test("crc-ready");
	end = rte_get_timer_cycles() + rte_get_timer_hz();
	while (rte_get_timer_cycles() < end && n < 4) {
		nb = rte_eth_rx_burst(P, 0, m, RTE_DIM(m));
		for (i = 0; i < nb; i++) {
			const uint8_t *d = rte_pktmbuf_mtod(m[i], const uint8_t *);
			uint32_t len = m[i]->pkt_len, fcs;

			printf("RESULT crc_frame%u len=%u\n", n, len);
			if (len > 4) {
				fcs = ether_fcs(d, len - 4);
				good += d[len - 4] == (uint8_t)fcs && d[len - 3] == (uint8_t)(fcs >> 8) &&
					d[len - 2] == (uint8_t)(fcs >> 16) &&
					d[len - 1] == (uint8_t)(fcs >> 24);
			}
			n++;
			rte_pktmbuf_free(m[i]);
		}
	}
	printf("RESULT crc received=%u fcs_ok=%u\n", n, good);
	return 0;
}

/*
 * Power monitor: the address ethdev gives a sleeping core, and the callback
 * that decides on the value read there: keep sleeping (0) while the queue is
 * empty, abort (-1) once a looped-back frame's write-back landed; after the
 * frames are received the next descriptor is watched again.
 */
static int
scenario_monitor(void)
{
	struct rte_power_monitor_cond pmc;
	unsigned int received, matched;
	int ret, before, after, drained;

	if (port_start(1) != 0)
		return 1;
	memset(&pmc, 0, sizeof(pmc));
	ret = rte_eth_get_monitor_addr(P, 0, &pmc);
	if (ret != 0 || pmc.fn == NULL || pmc.addr == NULL || pmc.size != 4) {
		printf("RESULT monitor ret=%d size=%u\n", ret, pmc.size);
		return 0;
	}
	before = pmc.fn(*(volatile uint32_t *)pmc.addr, pmc.opaque);
	send_frames(0, 4);
	rte_delay_ms(200);
	after = pmc.fn(*(volatile uint32_t *)pmc.addr, pmc.opaque);
	receive_frames(1000, 0, 4, &received, &matched);
	rte_eth_get_monitor_addr(P, 0, &pmc);
	drained = pmc.fn(*(volatile uint32_t *)pmc.addr, pmc.opaque);
	printf("RESULT monitor ret=%d size=%u before=%d after=%d received=%u drained=%d\n",
	       ret, pmc.size, before, after, received, drained);
	return 0;
}

int
main(int argc, char **argv)
{
	struct rte_eth_dev_info info;
	const char *scenario;
	int ret;

	scenario = scenario_init(argc, argv, "igbx_features <EAL> -- "
				 "loopback|led|clock|dump|qstats|ratelimit|desc|crc|monitor");
	if (scenario == NULL)
		return 2;
	pool = rte_pktmbuf_pool_create("feat_pool", 2047, 32, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (pool == NULL)
		return 2;
	if (scenario_driver_info(P, &info) != 0)
		return 2;
	if (!strcmp(scenario, "loopback"))
		ret = scenario_loopback();
	else if (!strcmp(scenario, "led"))
		ret = scenario_led();
	else if (!strcmp(scenario, "clock"))
		ret = scenario_clock();
	else if (!strcmp(scenario, "dump"))
		ret = scenario_dump();
	else if (!strcmp(scenario, "qstats"))
		ret = scenario_qstats();
	else if (!strcmp(scenario, "ratelimit"))
		ret = scenario_ratelimit();
	else if (!strcmp(scenario, "desc"))
		ret = scenario_desc_status();
	else if (!strcmp(scenario, "crc"))
		ret = scenario_keep_crc();
	else if (!strcmp(scenario, "monitor"))
		ret = scenario_monitor();
	else
		ret = 2;
	printf("DONE %s status %d\n", scenario, ret);
	fflush(stdout);
	rte_eth_dev_stop(P);
	rte_eth_dev_close(P);
	rte_eal_cleanup();
	return ret;
}
